import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, storageStateFor } from './support/auth';
import { createClient, createUser } from './support/factories';

/** The cell of `row` under the column headed `label` in the page's report table. */
async function reportCell(page: Page, rowName: string, label: string) {
  const table = page.getByRole('table').first();
  const headers = await table.getByRole('columnheader').allTextContents();
  const index = headers.findIndex((header) => header.trim().toLowerCase() === label.toLowerCase());
  expect(index).toBeGreaterThan(0);
  return table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: rowName }) })
    .locator('th, td')
    .nth(index);
}

test.describe('a material linked to a campaign', () => {
  test.use({ storageState: storageStateFor('coordinator') });

  test('shows on both pages, in the budget report, and counts in its maker’s materials due', async ({
    page,
    browser,
  }) => {
    // Four screens and two reports in one flow.
    test.slow();
    const coordinator = signedInUser('coordinator');
    const executive = signedInUser('executive');
    const maker = await createUser('coordinator');
    const client = await createClient(`Linked Client ${Date.now()}`, {
      ownerId: executive.id,
      coordinatorId: coordinator.id,
    });
    const campaign = `Linked Launch ${Date.now()}`;
    const title = `Launch teaser ${Date.now()}`;
    const year = new Date().getUTCFullYear();

    await page.goto(`/campaigns/new?clientId=${client.id}`);
    await page.getByLabel('Name').fill(campaign);
    await page.getByLabel('Start date').fill(`${year}-01-01`);
    await page.getByLabel('End date').fill(`${year + 1}-12-31`);
    await page.getByLabel('Budget planned').fill('2,000');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await expect(page.getByRole('heading', { level: 1, name: campaign })).toBeVisible();
    const campaignUrl = page.url();
    const campaignId = campaignUrl.split('/').pop()!;

    await page.goto(`/materials/new?clientId=${client.id}&campaignId=${campaignId}`);
    await expect(page.getByLabel('Campaign', { exact: true })).toHaveValue(campaignId);
    await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Video' });
    await page.getByLabel('Title', { exact: true }).fill(title);
    // Overdue: counted in "materials due" whatever the report's period.
    await page.getByLabel('Due date', { exact: true }).fill(`${year - 1}-06-01`);
    await page.getByLabel('Assigned to', { exact: true }).selectOption({ label: maker.name });
    await page.getByRole('button', { name: 'Request material' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('link', { name: `Campaign: ${campaign}` })).toHaveAttribute(
      'href',
      `/campaigns/${campaignId}`,
    );

    await page.goto(campaignUrl);
    await expect(page.getByRole('link', { name: title })).toBeVisible();

    // The list toolbar's client picker, by keyboard: type, arrow down to the client, Enter.
    await page.goto('/materials');
    const picker = page.getByRole('combobox', { name: 'Client' });
    await picker.fill(client.name.slice(0, -3));
    await expect(page.getByRole('option', { name: client.name })).toBeVisible();
    const options = await page.getByRole('option').allTextContents();
    for (let step = 0; step < options.indexOf(client.name); step += 1) {
      await picker.press('ArrowDown');
    }
    await expect(page.getByRole('option', { name: client.name })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await picker.press('Enter');
    await expect(page).toHaveURL(new RegExp(`client=${client.id}`));
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await expect(picker).toHaveValue(client.name);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: `Clear the client filter (${client.name})` }).click();
    await expect(page).not.toHaveURL(/client=/);

    const managerContext = await browser.newContext({ storageState: storageStateFor('manager') });
    const manager = await managerContext.newPage();
    await manager.goto(`/reports/campaign-budget?range=yearToDate&client=${client.id}`);
    await expect(await reportCell(manager, campaign, 'Planned')).toHaveText(/2,000/);

    await manager.goto(`/reports/workload?range=yearToDate`);
    const due = await reportCell(manager, maker.name, 'Materials due');
    await expect(due).toHaveText('1');
    await due.getByRole('link').click();
    await expect(manager.getByRole('link', { name: title })).toBeVisible();
    await managerContext.close();
  });
});
