import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedOut, signInAndWait, storageStateFor } from './support/auth';
import { createClient, createUser } from './support/factories';
import { createDeal, createProposalInReview } from './support/pipeline-factories';

const stamp = () => Date.now().toString(36);

/** The value of a headline figure: the <dd> right after its <dt> label. */
function figure(page: Page, label: string) {
  return page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
}

function stageTable(page: Page) {
  return page.getByRole('table', { name: 'Open pipeline by stage and currency' });
}

test.describe('the manager home page', () => {
  test.use({ storageState: storageStateFor('manager') });

  test.beforeEach(async () => {
    const executive = await createUser('executive');
    const client = await createClient(`Dashboard Team ${stamp()}`, { ownerId: executive.id });
    const owned = { ownerId: executive.id };
    await createDeal(client.id, 'Team lead', {
      stage: 'lead',
      amountCents: 1_000_000,
      probability: 10,
      ...owned,
    });
    await createDeal(client.id, 'Team negotiation', {
      stage: 'negotiation',
      amountCents: 4_000_000,
      probability: 75,
      ...owned,
    });
  });

  test('shows the team pipeline above the team summary, and a stage opens the deals list', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 2, name: 'Pipeline' })).toBeVisible();
    await expect(page.getByText(/^Whole team\. Amounts in USD/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Team' })).toBeVisible();
    for (const label of ['Pipeline value', 'Weighted forecast', 'Win rate, last 90 days']) {
      await expect(figure(page, label)).toBeVisible();
    }
    await expect(
      page.getByRole('img', { name: /^Bar chart of open pipeline value and weighted forecast/ }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await stageTable(page).getByRole('link', { name: 'Negotiation' }).click();
    await expect(page).toHaveURL(/\/pipeline\?stage=negotiation$/);
  });

  test('a bar of the chart opens the deals list of its stage', async ({ page }) => {
    await page.goto('/');
    // The first bar drawn is the pipeline value of the first stage, Lead.
    await page.locator('.recharts-bar-rectangle').first().click();
    await expect(page).toHaveURL(/\/pipeline\?stage=lead$/);
  });
});

test.describe('a home page of one person', () => {
  test.use(signedOut);

  test('shows an executive their own book, with exact figures', async ({ page }) => {
    const executive = await createUser('executive');
    const coordinator = await createUser('coordinator');
    const other = await createUser('executive');
    const mine = await createClient(`Dashboard Book ${stamp()}`, {
      ownerId: executive.id,
      coordinatorId: coordinator.id,
    });
    const book = { ownerId: executive.id, coordinatorId: coordinator.id };
    await createDeal(mine.id, 'Book lead', {
      stage: 'lead',
      amountCents: 1_000_000,
      probability: 10,
      ...book,
    });
    await createDeal(mine.id, 'Book proposal', {
      stage: 'proposal',
      amountCents: 2_000_000,
      probability: 50,
      ...book,
    });
    await createDeal(mine.id, 'Book won', {
      stage: 'won',
      amountCents: 500_000,
      probability: 100,
      ...book,
    });
    await createDeal(mine.id, 'Book lost', {
      stage: 'lost',
      amountCents: 300_000,
      probability: 0,
      closedDaysAgo: 5,
      ...book,
    });
    await createDeal(mine.id, 'Won long ago', {
      stage: 'won',
      amountCents: 900_000,
      probability: 100,
      closedDaysAgo: 100,
      ...book,
    });
    await createDeal(mine.id, 'Someone else’s', {
      stage: 'lead',
      amountCents: 7_700_000,
      probability: 10,
      ownerId: other.id,
    });
    await createProposalInReview(mine.id, 'Book proposal for review', {
      authorId: coordinator.id,
      reviewerId: executive.id,
      turnaroundHours: 6,
    });

    await signInAndWait(page, executive);
    await expect(page.getByText(/^Your book: deals you own/)).toBeVisible();
    await expect(figure(page, 'Pipeline value')).toHaveText('$30,000');
    await expect(figure(page, 'Weighted forecast')).toHaveText('$11,000');
    await expect(figure(page, 'Win rate, last 90 days')).toHaveText('50 %');
    await expect(page.getByText('1 won, 1 lost')).toBeVisible();
    await expect(page.getByText('Won this quarter: $5,000')).toBeVisible();
    const waiting = figure(page, 'Proposals waiting for review');
    await expect(waiting).toHaveText('1 in the review queue');
    await expect(page.getByText(/^Average turnaround 6 h over 1 review/)).toBeVisible();
    const table = stageTable(page);
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table.getByRole('row', { name: 'Lead USD 1 $10,000 $1,000' })).toBeVisible();
    await expect(table.getByRole('row', { name: 'Proposal USD 1 $20,000 $10,000' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await waiting.getByRole('link').click();
    await expect(page).toHaveURL(/\/proposals\/review$/);
  });

  test('shows a coordinator the numbers of the deals they coordinate', async ({ page }) => {
    const coordinator = await createUser('coordinator');
    const client = await createClient(`Dashboard Own ${stamp()}`, {
      coordinatorId: coordinator.id,
    });
    await createDeal(client.id, 'Own qualified', {
      stage: 'qualified',
      amountCents: 800_000,
      probability: 25,
      coordinatorId: coordinator.id,
    });

    await signInAndWait(page, coordinator);
    await expect(page.getByText(/^Your numbers: deals you coordinate/)).toBeVisible();
    await expect(figure(page, 'Pipeline value')).toHaveText('$8,000');
    await expect(figure(page, 'Weighted forecast')).toHaveText('$2,000');
    await expect(figure(page, 'Win rate, last 90 days')).toHaveText('—');
    await expect(figure(page, 'Proposals waiting for review')).toHaveText('0');
    await expect(figure(page, 'Proposals waiting for review').getByRole('link')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });
});
