import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, signedOut, storageStateFor, type Role } from './support/auth';
import { createClient, createDeal, createPublishedTemplate } from './support/factories';
import { createProposalRow, deleteProposalRow } from './support/proposal-records';

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

const scriptTitle = '<script>alert("title")</script> Launch plan';
const scriptBody = '<img src=x onerror="alert(1)"> <script>alert("body")</script>';

/** A page of its own for `role` (or a signed-out visitor) that fails the test if any dialog opens. */
async function openAs(browser: Browser, role: Role | null) {
  const context = await browser.newContext(
    role
      ? { storageState: storageStateFor(role), permissions: ['clipboard-read', 'clipboard-write'] }
      : signedOut,
  );
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    throw new Error(`A dialog fired: ${dialog.message()}`);
  });
  return page;
}

async function recordDecision(page: Page, proposalUrl: string, decision: string, comment = '') {
  await page.goto(proposalUrl);
  const review = page.getByRole('form', { name: 'Review decision' });
  await review.getByLabel(decision).check();
  if (comment) await review.getByLabel('Comment').fill(comment);
  await review.getByRole('button', { name: 'Record decision' }).click();
}

test('a proposal goes from template to accepted across coordinator, executive and client', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const coordinatorUser = signedInUser('coordinator');
  const executiveUser = signedInUser('executive');
  const clientName = unique('Harborview Hotels');
  const client = await createClient(clientName, {
    ownerId: executiveUser.id,
    coordinatorId: coordinatorUser.id,
  });
  const deal = await createDeal(client.id, unique('Spring campaign'), {
    ownerId: executiveUser.id,
  });
  const template = await createPublishedTemplate(
    unique('Campaign proposal'),
    '# Proposal for {{client.name}}\n\nPrepared for {{deal.name}}, worth {{deal.amount}}.\n\n- Strategy\n- Creative',
  );

  const coordinator = await openAs(browser, 'coordinator');
  await coordinator.goto(`/clients/${client.id}`);
  await coordinator.getByRole('link', { name: 'New proposal' }).click();
  await coordinator.getByLabel('Template').selectOption({ label: template.name });
  await coordinator.getByLabel('Deal').selectOption({ label: `${deal.name} (Negotiation)` });
  await coordinator.getByLabel('Title').fill(scriptTitle);
  await expect(coordinator.getByLabel('Reviewer')).toHaveValue(executiveUser.id);
  await coordinator.getByRole('button', { name: 'Create draft' }).click();

  await expect(coordinator.getByRole('heading', { level: 1, name: scriptTitle })).toBeVisible();
  const proposalUrl = coordinator.url();
  const body = coordinator.getByLabel('Body (Markdown)');
  await expect(body).toHaveValue(new RegExp(`# Proposal for ${clientName}`));
  await expect(body).toHaveValue(/worth \$42,000/);
  const preview = coordinator.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { name: `Proposal for ${clientName}` })).toBeVisible();
  await body.fill(`${await body.inputValue()}\n\n${scriptBody}`);
  await expect(preview).toContainText('<script>alert("body")</script>');
  await coordinator.getByLabel('Amount').fill('42,000');
  await coordinator.getByLabel('Valid until').fill('2099-06-30');
  await coordinator.getByRole('button', { name: 'Save draft' }).click();
  await expect(coordinator.getByText('Draft saved.')).toBeVisible();
  await expectNoSeriousA11yViolations(coordinator);
  await coordinator.getByRole('button', { name: 'Submit for review' }).click();
  await expect(coordinator.getByText('In review', { exact: true })).toBeVisible();

  const executive = await openAs(browser, 'executive');
  await executive.goto('/proposals/review');
  await expect(executive.getByRole('link', { name: scriptTitle })).toBeVisible();
  await expectNoSeriousA11yViolations(executive);
  await recordDecision(executive, proposalUrl, 'Changes requested');
  await expect(executive.getByText('Say what should change, or why it is rejected.')).toBeVisible();
  await recordDecision(executive, proposalUrl, 'Changes requested', 'Add a timeline section.');
  await expect(executive.getByText('Decision recorded: Changes requested.')).toBeVisible();

  await coordinator.reload();
  await expect(coordinator.getByText('Changes requested', { exact: true }).first()).toBeVisible();
  await expect(coordinator.getByText('Add a timeline section.')).toBeVisible();
  await coordinator.getByRole('button', { name: 'Revise draft' }).click();
  const revisedBody = coordinator.getByLabel('Body (Markdown)');
  await revisedBody.fill(`${await revisedBody.inputValue()}\n\n## Timeline\n\nSix weeks.`);
  await coordinator.getByRole('button', { name: 'Save draft' }).click();
  await expect(coordinator.getByText('Draft saved.')).toBeVisible();
  await coordinator.getByRole('button', { name: 'Submit for review' }).click();
  await expect(coordinator.getByText('In review', { exact: true })).toBeVisible();

  await executive.goto(proposalUrl);
  await expect(executive.locator('ins', { hasText: 'Six weeks.' }).first()).toBeVisible();
  await recordDecision(executive, proposalUrl, 'Approved');
  // The toast, not the word: "Approved" is also a label of the decision form itself.
  await expect(executive.getByText('Decision recorded: Approved.')).toBeVisible();

  await coordinator.reload();
  await coordinator.getByRole('button', { name: 'Send to client' }).click();
  const shareLink = coordinator.getByRole('textbox', { name: 'Client link' });
  await expect(shareLink).toHaveValue(/\/p\/[\w-]{43}$/);
  const link = await shareLink.inputValue();
  await coordinator.getByRole('button', { name: 'Copy link' }).click();
  await expect(coordinator.getByRole('button', { name: 'Copied' })).toBeVisible();
  // Accord keeps only the link's hash: once the page is left, the link is not shown again.
  await coordinator.reload();
  await expect(coordinator.getByRole('textbox', { name: 'Client link' })).toHaveCount(0);
  await expect(coordinator.getByText(/A client link made .* is active/)).toBeVisible();

  const visitor = await openAs(browser, null);
  await visitor.goto(link);
  await expect(visitor.getByRole('heading', { level: 1, name: scriptTitle })).toBeVisible();
  await expect(visitor.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expect(visitor.getByText('<script>alert("body")</script>')).toBeVisible();
  await expect(visitor.getByRole('navigation')).toHaveCount(0);
  await expectNoSeriousA11yViolations(visitor);
  await visitor.getByRole('button', { name: 'Accept proposal' }).click();
  await expect(visitor.getByText('Type your full name to accept.').last()).toBeVisible();
  await visitor.getByLabel('Type your full name to accept').fill('Grace Hopper');
  await visitor.getByRole('button', { name: 'Accept proposal' }).click();
  await expect(visitor.getByText(/Accepted by Grace Hopper/)).toBeVisible();

  const nothingElse = await visitor.goto('/proposals');
  expect(nothingElse?.url()).toMatch(/\/sign-in/);

  await coordinator.reload();
  await expect(coordinator.getByText('Accepted', { exact: true }).first()).toBeVisible();
  await expect(coordinator.getByText(/Accepted by Grace Hopper/)).toBeVisible();
  await expect(coordinator.getByText('Opened 1 time.')).toBeVisible();
  await expect(coordinator.getByRole('link', { name: `Deal: ${deal.name} (Won)` })).toBeVisible();
});

test('saving a draft that was deleted meanwhile says it is gone and leads back to the list', async ({
  browser,
}) => {
  const coordinatorUser = signedInUser('coordinator');
  const client = await createClient(unique('Gone Gardens'), { coordinatorId: coordinatorUser.id });
  const title = unique('Soon gone');
  const { id } = await createProposalRow(client.id, {
    title,
    body: 'A draft someone else deletes.',
    amountCents: 100_00,
    validUntil: '2099-12-31',
  });

  const coordinator = await openAs(browser, 'coordinator');
  await coordinator.goto(`/proposals/${id}`);
  await expect(coordinator.getByRole('heading', { name: title })).toBeVisible();
  await deleteProposalRow(id);
  await coordinator.getByRole('button', { name: 'Save draft' }).click();

  const notice = coordinator.locator('main').getByRole('alert');
  await expect(notice).toContainText('This proposal no longer exists or is not visible to you.');
  await notice.getByRole('link', { name: 'Back to proposals' }).click();
  await expect(coordinator).toHaveURL(/\/proposals$/);
});
