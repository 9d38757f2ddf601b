import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, storageStateFor } from './support/auth';
import { createClient } from './support/factories';

test.describe('a campaign passes its budget', () => {
  test.use({ storageState: storageStateFor('coordinator') });

  test('the coordinator plans it and adds entries past the plan; the owner is told', async ({
    page,
    browser,
  }) => {
    const coordinator = signedInUser('coordinator');
    const executive = signedInUser('executive');
    const client = await createClient(`Campaign Client ${Date.now()}`, {
      ownerId: executive.id,
      coordinatorId: coordinator.id,
    });
    const name = `Launch ${Date.now()}`;

    await page.goto(`/campaigns/new?clientId=${client.id}`);
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Goal').fill('Fill the spring pipeline.');
    await page.getByLabel('Start date').fill('2027-03-01');
    await page.getByLabel('End date').fill('2027-04-30');
    await page.getByLabel('Budget planned').fill('1,000');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    const addForm = page.getByRole('form', { name: 'Add a budget entry' });
    await addForm.getByLabel('Kind').selectOption('committed');
    await addForm.getByLabel('Amount').fill('600');
    await addForm.getByLabel('Supplier').fill('Brightframe Video');
    await addForm.getByRole('button', { name: 'Add entry' }).click();
    await expect(page.getByText('Committed $600 with Brightframe Video')).toBeVisible();
    const warning = page.getByRole('alert').filter({ hasText: 'Over budget' });
    await expect(warning).toHaveCount(0);

    await addForm.getByLabel('Kind').selectOption('spent');
    await addForm.getByLabel('Amount').fill('450.50');
    await addForm.getByLabel('Supplier').fill('Social Ads Co');
    await addForm.getByRole('button', { name: 'Add entry' }).click();
    await expect(page.getByText('Spent $450.50 with Social Ads Co')).toBeVisible();
    await expect(warning).toContainText('passes the plan of $1,000 by $50.50');
    await expectNoSeriousA11yViolations(page);

    const ownerContext = await browser.newContext({ storageState: storageStateFor('executive') });
    const ownerPage = await ownerContext.newPage();
    await ownerPage.goto('/notifications');
    const notices = ownerPage.getByRole('region', { name: 'All notifications' });
    await expect(notices.getByText(`${name} has used 100% of its budget`)).toBeVisible();
    await ownerContext.close();

    // The list's export carries the same figures, the remainder below zero.
    await page.goto(`/campaigns?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole('link', { name })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await download).path()) ?? '', 'utf8');
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toContain('Name,Client,Status,Start,End');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(`${name},${client.name},Planned,2027-03-01,2027-04-30`);
    expect(rows[0]).toContain(",1000.00,600.00,450.50,'-50.50,105,");
  });
});
