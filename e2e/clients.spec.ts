import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, storageStateFor } from './support/auth';
import { createClient, createContact } from './support/factories';
import { openSearchPalette } from './support/palette';

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.describe('a coordinator', () => {
  test.use({ storageState: storageStateFor('coordinator') });

  test('adds a client and finds it in the list', async ({ page }) => {
    const name = unique('Keystone Media');
    await page.goto('/clients');
    await page.getByRole('link', { name: 'New client' }).click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Industry').selectOption('Media and entertainment');
    await page.getByLabel('Annual value').fill('250,000');
    await page.getByLabel('Tags').fill('Retainer, Global');
    await page.getByRole('button', { name: 'Add client' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText('$250,000 a year')).toBeVisible();
    await expect(page.getByText('Added the account')).toBeVisible();

    await page.goto('/clients');
    await page.getByLabel('Search', { exact: true }).fill(name);
    await expect(page).toHaveURL(/q=/);
    await expect(
      page.getByRole('table', { name: 'Clients' }).getByRole('link', { name }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('refuses a client without a name and keeps what was typed', async ({ page }) => {
    await page.goto('/clients/new');
    await page.getByLabel('Website').fill('nameless.example');
    await page.getByRole('button', { name: 'Add client' }).click();
    await expect(page.getByText('Enter a name.')).toBeVisible();
    await expect(page.getByLabel('Website')).toHaveValue('nameless.example');
  });

  test('edits a client in place and manages its contacts and timeline', async ({ page }) => {
    const me = signedInUser('coordinator');
    const client = await createClient(unique('Riverstone Health'), { coordinatorId: me.id });
    await page.goto(`/clients/${client.id}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Phone').fill('+1 555 0100');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Changes saved.')).toBeVisible();
    await expect(page.getByText('+1 555 0100')).toBeVisible();
    await expect(page.getByText('Changed phone')).toBeVisible();

    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByLabel('Contact name').fill('Grace Hopper');
    await page.getByLabel('Contact e-mail').fill('grace@riverstone.example');
    await page.getByLabel('Primary contact').check();
    await page.getByRole('button', { name: 'Add contact' }).last().click();
    await expect(page.getByText('grace@riverstone.example')).toBeVisible();
    await expect(page.getByText('Primary', { exact: true })).toBeVisible();

    await page.getByLabel('Log a').selectOption('call');
    await page.getByLabel('Subject').fill('Kick-off call');
    await page.getByRole('button', { name: 'Log it' }).click();
    await expect(page.getByText('Call · Kick-off call')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('is told when someone else saved first, and nothing is overwritten', async ({
    page,
    browser,
  }) => {
    const me = signedInUser('coordinator');
    const client = await createClient(unique('Conflict Works'), { coordinatorId: me.id });
    const other = await browser.newContext({ storageState: storageStateFor('manager') });
    const otherPage = await other.newPage();

    await page.goto(`/clients/${client.id}`);
    await otherPage.goto(`/clients/${client.id}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    await otherPage.getByRole('button', { name: 'Edit' }).click();

    await otherPage.getByLabel('Phone').fill('+1 555 0199');
    await otherPage.getByRole('button', { name: 'Save changes' }).click();
    await expect(otherPage.getByText('+1 555 0199')).toBeVisible();

    await page.getByLabel('Phone').fill('+1 555 0111');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const notice = page
      .getByRole('alert')
      .filter({ hasText: 'This client was changed by someone else' });
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByText('+1 555 0199')).toBeVisible();
    await other.close();
  });

  test('finds clients and contacts from the Ctrl+K palette', async ({ page }) => {
    const me = signedInUser('coordinator');
    const client = await createClient(unique('Palette Quarry'), { coordinatorId: me.id });
    const contactName = unique('Ada Palettewood');
    await createContact(client.id, contactName, 'ada@palette.example');
    await page.goto('/');
    const box = await openSearchPalette(page);
    await box.fill(contactName);
    await expect(page.getByRole('option', { name: new RegExp(contactName) })).toBeVisible();
    await box.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
  });

  test('exports the current filter as CSV', async ({ page }) => {
    const me = signedInUser('coordinator');
    const tag = unique('Exportable');
    await createClient(`${tag} One`, { coordinatorId: me.id });
    await createClient(`${tag} Two`, { coordinatorId: me.id });
    await page.goto(`/clients?q=${encodeURIComponent(tag)}`);
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const download = await downloadPromise;
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('Name,Status,Industry');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([`${tag} One`, `${tag} Two`]);
  });

  test('converts a prospect to a client', async ({ page }) => {
    const me = signedInUser('coordinator');
    const prospect = await createClient(unique('Prospect Summit'), {
      status: 'prospect',
      coordinatorId: me.id,
    });
    await page.goto('/prospects');
    await page.getByLabel('Search', { exact: true }).fill(prospect.name);
    await expect(page).toHaveURL(/q=/);
    await page.getByRole('link', { name: prospect.name }).click();
    await expect(page).toHaveURL(new RegExp(`/clients/${prospect.id}`));
    await page.getByRole('button', { name: 'Convert to client' }).click();
    await expect(page.getByText('Converted to a client.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Convert to client' })).toHaveCount(0);
  });
});
