import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, storageStateFor } from './support/auth';
import { createClient } from './support/factories';

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A card of a detail page, found by its heading. */
const card = (page: Page, title: string) =>
  page
    .locator('section')
    .filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });

/** A deal added through the UI, starting from its client's page. */
async function addDealFromClientPage(page: Page, dealName: string) {
  const me = signedInUser('coordinator');
  const client = await createClient(unique('Pipeline Harbor'), { coordinatorId: me.id });
  await page.goto(`/clients/${client.id}`);
  await expect(card(page, 'Deals').getByText('No deals with this client yet.')).toBeVisible();
  await page.getByRole('link', { name: 'New deal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New deal' })).toBeVisible();
  await expect(page.getByRole('link', { name: client.name })).toBeVisible();
  await page.getByLabel('Deal name').fill(dealName);
  await page.getByLabel('Stage').selectOption('qualified');
  await page.getByLabel('Amount').fill('48,000');
  await page.getByLabel('Expected close').fill('2027-04-30');
  await page.getByRole('button', { name: 'Add deal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: dealName })).toBeVisible();
  await expect(page.getByText('Created in Qualified')).toBeVisible();
  return client;
}

test.describe('a coordinator', () => {
  test.use({ storageState: storageStateFor('coordinator') });
  // Each flow first adds its client and deal through the UI, then walks several pages.
  test.slow();

  test('creates a deal from a client page, moves it on the board by keyboard, and marks it lost', async ({
    page,
  }) => {
    const dealName = unique('Spring campaign');
    const client = await addDealFromClientPage(page, dealName);
    await expect(page.getByText('25%', { exact: true })).toBeVisible();

    await page.goto(`/pipeline/board?q=${encodeURIComponent(dealName)}`);
    const column = (stage: string) => page.getByRole('region', { name: stage, exact: true });
    await expect(column('Qualified').getByRole('link', { name: dealName })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // dnd-kit's keyboard sensor: Space picks the card up, an arrow carries it, Space drops it.
    const handle = page.getByRole('button', { name: `Drag ${dealName}` });
    // Each step waits for dnd-kit's screen-reader announcement, as its listeners attach a tick later.
    await handle.focus();
    await page.keyboard.press('Space');
    await expect(page.getByText(`${dealName} is over Qualified.`)).toBeAttached();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText(`${dealName} is over Proposal.`)).toBeAttached();
    await page.keyboard.press('Space');
    await expect(page.getByText(`Moved ${dealName} to Proposal.`)).toBeVisible();
    await expect(column('Proposal').getByRole('link', { name: dealName })).toBeVisible();

    // The "Move to…" menu, then Lost, which asks why first.
    await page.getByRole('button', { name: `Move ${dealName} to…` }).click();
    await page.getByRole('menuitem', { name: 'Lost' }).click();
    const dialog = page.getByRole('dialog', { name: `Mark ${dealName} as lost` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Mark lost' }).click();
    await expect(dialog.getByText('Say why the deal was lost.').first()).toBeVisible();
    await expect(column('Proposal').getByRole('link', { name: dealName })).toBeVisible();
    await dialog.getByLabel('Why was it lost?').fill('Budget moved to next year');
    await dialog.getByRole('button', { name: 'Mark lost' }).click();
    await expect(dialog).toBeHidden();
    await expect(column('Lost').getByRole('link', { name: dealName })).toBeVisible();

    await column('Lost').getByRole('link', { name: dealName }).click();
    await expect(page.getByRole('heading', { level: 1, name: dealName })).toBeVisible();
    const history = card(page, 'Stage history');
    await expect(history.getByText('Proposal → Lost')).toBeVisible();
    await expect(history.getByText('Qualified → Proposal')).toBeVisible();
    await expect(history.getByText('Created in Qualified')).toBeVisible();
    await expect(page.getByText('Budget moved to next year')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto(`/clients/${client.id}`);
    await expect(card(page, 'Deals').getByRole('link', { name: dealName })).toBeVisible();
    await expect(page.getByText(`${dealName} moved from Proposal to Lost`)).toBeVisible();
  });

  test('lists deals in the pipeline table with totals, and exports them', async ({ page }) => {
    const dealName = unique('Tabled retainer');
    await addDealFromClientPage(page, dealName);
    await page.goto('/pipeline');
    await page.getByLabel('Search', { exact: true }).fill(dealName);
    await expect(page).toHaveURL(/q=/);
    const table = page.getByRole('table', { name: 'Deals' });
    await expect(table.getByRole('link', { name: dealName })).toBeVisible();
    await expect(table.getByText('$48,000')).toBeVisible();
    await expect(table.getByText('$12,000')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Totals by stage' })).toContainText('$12,000');
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: 'Board', exact: true }).click();
    await expect(page).toHaveURL(/\/pipeline\/board\?q=/);
    await expect(
      page
        .getByRole('region', { name: 'Qualified', exact: true })
        .getByRole('link', { name: dealName }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Table', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Deals' })).toBeVisible();

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await downloadPromise).path()) ?? '', 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('Name,Client,Stage');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([dealName]);
  });
});
