import { expect, test } from '@playwright/test';
import { signedInUser, storageStateFor } from './support/auth';
import { createAcceptedProposal } from './support/contract-records';
import { createClient, setRecordVisibility } from './support/factories';

const signedCopy = {
  name: 'Signed agreement.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n'),
};

test.describe('from an accepted proposal to a signed contract', () => {
  test.use({ storageState: storageStateFor('coordinator') });

  test('the coordinator drafts, sends and files the signed copy; the executive marks it signed', async ({
    page,
    browser,
  }) => {
    const coordinator = signedInUser('coordinator');
    const executive = signedInUser('executive');
    const client = await createClient(`Contract Client ${Date.now()}`, {
      ownerId: executive.id,
      coordinatorId: coordinator.id,
    });
    const proposal = await createAcceptedProposal(client.id, {
      title: 'Spring campaign 2027',
      body: '## Scope\n\nPlanning and production.',
      amountCents: 4_800_000,
    });

    await page.goto(`/proposals/${proposal.id}`);
    await page.getByRole('button', { name: 'Create contract' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Spring campaign 2027' }),
    ).toBeVisible();
    await expect(page.getByLabel('Value')).toHaveValue('48000.00');
    await page.getByLabel('Start date').fill('2027-01-01');
    await page.getByLabel('End date').fill('2027-12-31');
    await page.getByLabel('Notice period (days)').fill('60');
    await expect(page.getByText('Notice deadline: 2027-11-01')).toBeVisible();
    await page.getByRole('button', { name: 'Save contract' }).click();
    await expect(page.getByText('Contract saved.')).toBeVisible();
    await page.getByRole('button', { name: 'Mark as sent' }).click();
    await expect(page.getByText('Contract sent.')).toBeVisible();

    await page.getByLabel('choose files').setInputFiles(signedCopy);
    await expect(page.getByRole('link', { name: 'Signed agreement.pdf' })).toBeVisible();
    // Signing is the account owner's: the coordinator is told so, and has no button for it.
    await expect(
      page.getByText('The account owner or a manager marks this contract signed'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Mark signed' })).toHaveCount(0);

    const executiveContext = await browser.newContext({
      storageState: storageStateFor('executive'),
    });
    const executivePage = await executiveContext.newPage();
    await executivePage.goto(page.url());
    await executivePage.getByLabel('Signed copy').selectOption({ label: 'Signed agreement.pdf' });
    await executivePage.getByLabel('Signed by').fill('Jordan Client');
    await executivePage.getByRole('button', { name: 'Mark signed' }).click();
    await expect(executivePage.getByText('Contract marked signed.')).toBeVisible();
    await expect(executivePage.getByText('Jordan Client', { exact: false }).first()).toBeVisible();
    await executiveContext.close();

    await page.reload();
    await expect(page.getByText('Signed', { exact: true }).first()).toBeVisible();
    const download = await page.request.get(
      (await page.getByRole('link', { name: 'Signed agreement.pdf' }).getAttribute('href')) ?? '',
    );
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment; /);
    expect(download.headers()['x-content-type-options']).toBe('nosniff');

    await page.getByRole('button', { name: 'Invoice from this contract' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Draft invoice' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Spring campaign 2027' })).toHaveAttribute(
      'href',
      /^\/contracts\//,
    );
    await page
      .getByLabel('choose files')
      .setInputFiles({ ...signedCopy, name: 'Purchase order.pdf' });
    await expect(page.getByRole('link', { name: 'Purchase order.pdf' })).toBeVisible();
  });
});

test.describe('file downloads under assigned visibility', () => {
  test.use({ storageState: storageStateFor('manager') });

  test('another team’s file download is refused', async ({ page, browser }) => {
    const client = await createClient(`Private Files ${Date.now()}`);
    await page.goto(`/clients/${client.id}`);
    await page.getByLabel('choose files').setInputFiles({
      name: 'Brief.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Private.'),
    });
    const link = page.getByRole('link', { name: 'Brief.txt' });
    await expect(link).toBeVisible();
    const href = (await link.getAttribute('href')) ?? '';
    const coordinatorContext = await browser.newContext({
      storageState: storageStateFor('coordinator'),
    });
    try {
      await setRecordVisibility('assigned');
      const refused = await coordinatorContext.request.get(href);
      expect(refused.status()).toBe(404);
    } finally {
      await setRecordVisibility('open');
      await coordinatorContext.close();
    }
  });
});
