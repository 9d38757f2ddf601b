import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, storageStateFor } from './support/auth';
import { tagNamesOf, touchClient } from './support/bulk-records';
import { createClient, createDeal, createUser } from './support/factories';

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.describe('an executive', () => {
  test.use({ storageState: storageStateFor('executive') });

  test('reassigns the page: their own accounts change, the others are skipped', async ({
    page,
  }) => {
    const me = signedInUser('executive');
    const prefix = unique('Bulkreassign');
    const coordinator = await createUser('coordinator', { name: unique('Bulk Coordinator') });
    await createClient(`${prefix} A`, { ownerId: me.id });
    await createClient(`${prefix} B`, { ownerId: me.id });
    await createClient(`${prefix} C`);
    await page.goto(`/clients?q=${encodeURIComponent(prefix)}`);
    const table = page.getByRole('table', { name: 'Clients' });
    await expect(table.getByRole('link', { name: `${prefix} C` })).toBeVisible();

    await table.getByRole('checkbox', { name: 'Select this page' }).check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await expect(bar.getByText('3 selected')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await bar.getByLabel('Bulk action').selectOption('coordinator');
    await bar.getByLabel('New coordinator').selectOption({ label: coordinator.name });
    await bar.getByRole('button', { name: 'Apply' }).click();

    await expect(page.getByRole('status').filter({ hasText: 'changed' })).toHaveText(
      '2 changed, 1 skipped (1 not allowed).',
    );
    await expect(table.getByRole('row', { name: new RegExp(`${prefix} A`) })).toContainText(
      coordinator.name,
    );
    await expect(table.getByRole('row', { name: new RegExp(`${prefix} C`) })).not.toContainText(
      coordinator.name,
    );
  });
});

test.describe('a coordinator', () => {
  test.use({ storageState: storageStateFor('coordinator') });

  test('tags all clients matching the filter, skipping one changed meanwhile', async ({ page }) => {
    const prefix = unique('Bulktag');
    const tag = unique('Campaign');
    const clients = [];
    for (let index = 0; index < 12; index += 1) {
      clients.push(await createClient(`${prefix} ${String(index).padStart(2, '0')}`));
    }
    await page.goto(`/clients?q=${encodeURIComponent(prefix)}&size=10`);
    const table = page.getByRole('table', { name: 'Clients' });
    await expect(table.getByRole('link', { name: `${prefix} 00` })).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Bulk actions' })
        .getByRole('combobox', { name: 'New owner' }),
    ).toHaveCount(0);

    await table.getByRole('checkbox', { name: `Select ${prefix} 00` }).check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await expect(bar.getByText('1 selected')).toBeVisible();
    await expect(bar.getByLabel('Bulk action').getByRole('option')).toHaveText([
      'Add a tag',
      'Remove a tag',
      'Change status',
    ]);
    await table.getByRole('checkbox', { name: 'Select this page' }).check();
    await expect(bar.getByText('10 selected')).toBeVisible();
    await bar.getByRole('button', { name: 'Select all 12 clients matching this filter' }).click();
    await expect(bar.getByText('12 selected')).toBeVisible();

    const last = clients.at(-1);
    if (!last) throw new Error('no clients');
    await touchClient(last.id);
    await bar.getByLabel('Bulk action').selectOption('addTag');
    await bar.getByLabel('Tag').fill(tag);
    await bar.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'changed' })).toHaveText(
      '11 changed, 1 skipped (1 changed by someone else).',
    );
    expect(await tagNamesOf(clients[0]?.id ?? '')).toEqual([tag]);
    expect(await tagNamesOf(last.id)).toEqual([]);
  });
});

test.describe('a coordinator on the pipeline', () => {
  test.use({ storageState: storageStateFor('coordinator') });

  test('marks the selected deals lost, giving the reason once', async ({ page }) => {
    const prefix = unique('Bulklost');
    const client = await createClient(`${prefix} Client`);
    await createDeal(client.id, `${prefix} One`);
    await createDeal(client.id, `${prefix} Two`, { stage: 'lost' });
    await page.goto(`/pipeline?q=${encodeURIComponent(prefix)}`);
    const table = page.getByRole('table', { name: 'Deals' });
    await expect(table.getByRole('link', { name: `${prefix} Two` })).toBeVisible();
    await table.getByRole('checkbox', { name: 'Select this page' }).check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await expect(bar.getByText('2 selected')).toBeVisible();
    await bar.getByLabel('New stage').selectOption('lost');
    await bar.getByLabel('Why were they lost?').fill('Budget moved to next year');
    await expectNoSeriousA11yViolations(page);
    await bar.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'changed' })).toHaveText(
      '1 changed, 1 skipped (1 already so).',
    );
    await expect(table.getByRole('row', { name: new RegExp(`${prefix} One`) })).toContainText(
      'Lost',
    );
  });
});
