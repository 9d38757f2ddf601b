import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, signedOut, storageStateFor } from './support/auth';
import { createClient, createDeal } from './support/factories';
import { createSharedProposalRow } from './support/proposal-records';

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

const pdf = (text: string) =>
  Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${text}\ntrailer\n%%EOF\n`);

test.use({ storageState: storageStateFor('coordinator') });

async function expectStatus(page: Page, status: string) {
  await expect(page.locator('main').getByText(status, { exact: true }).first()).toBeVisible();
}

test('a presentation goes from request to review, back, to ready, onto a proposal and to the client', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const coordinator = signedInUser('coordinator');
  const executive = signedInUser('executive');
  // Owned by the executive and coordinated by the coordinator, so both see it under `assigned`.
  const client = await createClient(unique('Materials Client'), {
    ownerId: executive.id,
    coordinatorId: coordinator.id,
  });
  const deal = await createDeal(client.id, unique('Spring pitch'));
  const title = unique('Spring pitch deck');

  await page.goto(`/materials/new?dealId=${deal.id}`);
  await expect(page.getByText(`Client: ${client.name}`)).toBeVisible();
  await expect(page.getByLabel('Deal', { exact: true })).toHaveValue(deal.id);
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Presentation' });
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Due date', { exact: true }).fill('2030-03-02');
  await page.getByLabel('Assigned to', { exact: true }).selectOption({ label: coordinator.name });
  await page.getByLabel('Tags', { exact: true }).fill('Spring, Pitch');
  await page.getByLabel('Brief (Markdown)').fill('## Goal\nWin the **spring** pitch.');
  await page.getByRole('button', { name: 'Request material' }).click();

  await expect(page).toHaveURL(/\/materials\/[0-9a-f-]{36}$/);
  const materialUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Goal' })).toBeVisible();
  await page.getByRole('button', { name: 'Start work' }).click();
  await expectStatus(page, 'In progress');
  await page.getByLabel('choose files').setInputFiles({
    name: 'Pitch draft.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('draft'),
  });
  await expect(page.getByRole('link', { name: 'Pitch draft.pdf' })).toBeVisible();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expectStatus(page, 'In review');
  // The coordinator requested and makes it: the review is someone else's.
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const executiveContext = await browser.newContext({ storageState: storageStateFor('executive') });
  const clientContext = await browser.newContext(signedOut);
  try {
    const executivePage = await executiveContext.newPage();
    await executivePage.goto(materialUrl);
    await executivePage.getByRole('button', { name: 'Send back' }).click();
    await expect(executivePage.getByText('Say what needs to change.')).toBeVisible();
    await executivePage
      .getByLabel('What needs to change', { exact: true })
      .fill('Open with last spring’s results.');
    await executivePage.getByRole('button', { name: 'Send back' }).click();
    await expectStatus(executivePage, 'In progress');
    await expect(executivePage.getByText('Open with last spring’s results.')).toBeVisible();

    await page.reload();
    await expect(page.getByText('Open with last spring’s results.')).toBeVisible();
    await page.getByLabel('New version of Pitch draft.pdf').setInputFiles({
      name: 'Pitch deck.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('final'),
    });
    await expect(page.getByRole('link', { name: 'Pitch deck.pdf' })).toBeVisible();
    await expect(page.getByText('version 2')).toBeVisible();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expectStatus(page, 'In review');

    await executivePage.reload();
    await executivePage.getByRole('button', { name: 'Approve' }).click();
    await expectStatus(executivePage, 'Ready');

    const proposal = await createSharedProposalRow(client.id, {
      title: unique('Spring proposal'),
      body: 'Scope and fees.',
      status: 'sent',
      authorId: coordinator.id,
    });
    await page.goto(`/proposals/${proposal.id}`);
    await page
      .getByLabel('Ready material', { exact: true })
      .selectOption({ label: `${title} (Presentation)` });
    await page.getByRole('button', { name: 'Attach' }).click();
    await expect(page.getByRole('link', { name: title })).toBeVisible();

    const clientPage = await clientContext.newPage();
    await clientPage.goto(proposal.link);
    await expect(clientPage.getByRole('heading', { name: 'Materials' })).toBeVisible();
    const downloading = clientPage.waitForEvent('download');
    await clientPage.getByRole('link', { name: 'Pitch deck.pdf' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Pitch deck.pdf');
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toContain('% final');
    await expectNoSeriousA11yViolations(clientPage);
  } finally {
    await executiveContext.close();
    await clientContext.close();
  }
});
