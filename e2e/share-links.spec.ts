import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, signedOut, storageStateFor } from './support/auth';
import { createClient } from './support/factories';
import { createSharedProposalRow, readViewTotals } from './support/proposal-records';

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

const secretBody = 'Our confidential scope and fees.';

async function sharedProposal(status: 'sent' | 'accepted' | 'declined' | 'expired', extra = {}) {
  const author = signedInUser('coordinator');
  // Coordinated by the author, so they see it while another spec sets visibility to assigned.
  const client = await createClient(unique('Contoso'), { coordinatorId: author.id });
  const title = unique('Brand refresh');
  const proposal = await createSharedProposalRow(client.id, {
    title,
    body: secretBody,
    status,
    authorId: author.id,
    ...extra,
  });
  return { ...proposal, title, author };
}

test.describe('a client link once the proposal is over', () => {
  test.use(signedOut);

  test('an expired proposal says only that, and who to contact', async ({ page }) => {
    const { link, title, author } = await sharedProposal('sent', { validUntil: '2020-01-31' });
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This proposal has expired');
    await expect(page.getByRole('link', { name: author.email })).toHaveAttribute(
      'href',
      `mailto:${author.email}`,
    );
    await expect(page.getByText(title)).toHaveCount(0);
    await expect(page.getByText(secretBody)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Accept proposal' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });

  test('an answered proposal shows the answer for a while, then only that it is closed', async ({
    page,
  }) => {
    const answered = await sharedProposal('accepted', {
      respondedDaysAgo: 2,
      responderName: 'Grace Hopper',
    });
    await page.goto(answered.link);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(answered.title);
    await expect(page.getByText(/Accepted by Grace Hopper on/)).toBeVisible();
    await expect(page.getByText(secretBody)).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    const closed = await sharedProposal('declined', { respondedDaysAgo: 31 });
    await page.goto(closed.link);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This proposal is closed');
    await expect(page.getByText(closed.title)).toHaveCount(0);
    await expect(page.getByText(closed.author.email)).toBeVisible();
  });

  test('too many requests for one link get 429', async ({ request }) => {
    test.setTimeout(120_000);
    const { link } = await sharedProposal('sent');
    let status = 200;
    for (let hit = 0; hit < 101 && status !== 429; hit += 1) {
      status = (await request.head(link)).status();
    }
    expect(status).toBe(429);
    const refused = await request.get(link);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  });
});

test('a view counts when the page is shown, not when a link preview fetches it', async ({
  browser,
  request,
}) => {
  const { id, link } = await sharedProposal('sent');
  expect((await request.head(link)).status()).toBe(200);
  const preview = await request.get(link, {
    headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' },
  });
  expect(preview.status()).toBe(200);
  expect(await preview.text()).toContain(secretBody);
  expect(await readViewTotals(id)).toEqual({ requests: 2, views: 0 });

  const client = await (await browser.newContext(signedOut)).newPage();
  await client.goto(link);
  await expect(client.getByText(secretBody)).toBeVisible();
  await expect.poll(() => readViewTotals(id)).toEqual({ requests: 3, views: 1 });

  const author = await (
    await browser.newContext({ storageState: storageStateFor('coordinator') })
  ).newPage();
  await author.goto(`/proposals/${id}`);
  await expect(author.getByText('Opened 1 time.')).toBeVisible();
  await expect(author.getByText(/2 other requests/)).toBeVisible();
});

test('the author revokes the link of an accepted proposal', async ({ browser }) => {
  const { id, link } = await sharedProposal('accepted', {
    respondedDaysAgo: 1,
    responderName: 'Ada Byron',
  });
  const author = await (
    await browser.newContext({ storageState: storageStateFor('coordinator') })
  ).newPage();
  await author.goto(`/proposals/${id}`);
  const panel = author.locator('section', {
    has: author.getByRole('heading', { name: 'Client link' }),
  });
  await expect(panel.getByText(/A client link made .* is active/)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Make a new link' })).toHaveCount(0);
  author.once('dialog', (dialog) => dialog.accept());
  await panel.getByRole('button', { name: 'Revoke link' }).click();
  await expect(author.getByText('Link revoked.')).toBeVisible();

  const visitor = await (await browser.newContext(signedOut)).newPage();
  const gone = await visitor.goto(link);
  expect(gone?.status()).toBe(404);
});
