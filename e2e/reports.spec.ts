import { expect, test, type Browser } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, storageStateFor, type Role } from './support/auth';
import { createClient, createUser } from './support/factories';
import { createDeal } from './support/pipeline-factories';

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function openAs(browser: Browser, role: Role) {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return context.newPage();
}

/** The middle month of last quarter (UTC), as the report labels it, and days back to its 15th. */
function middleOfLastQuarter() {
  const now = new Date();
  const quarterStart = Math.floor(now.getUTCMonth() / 3) * 3;
  const middle = new Date(Date.UTC(now.getUTCFullYear(), quarterStart - 2, 15, 12));
  return {
    label: new Intl.DateTimeFormat('en-US', {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(middle),
    daysAgo: Math.round((now.getTime() - middle.getTime()) / 86_400_000),
  };
}

test('a manager runs bookings for last quarter, drills into a month, exports and files the PDF', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const month = middleOfLastQuarter();
  const client = await createClient(unique('Harbor Bakery'));
  const dealName = unique('Harbor rebrand');
  await createDeal(client.id, dealName, {
    stage: 'won',
    amountCents: 1_234_500,
    probability: 100,
    closedDaysAgo: month.daysAgo,
  });

  const page = await openAs(browser, 'manager');
  await page.goto('/reports');
  await page.getByRole('link', { name: 'Bookings by month' }).click();
  await page.getByLabel('Period', { exact: true }).selectOption('lastQuarter');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/range=lastQuarter/);
  await expect(page.getByText('Whole team', { exact: false }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const monthRow = page
    .getByRole('row')
    .filter({ hasText: month.label })
    .filter({ hasText: 'USD' });
  await monthRow.getByRole('link', { name: month.label }).click();
  await expect(page).toHaveURL(/\/pipeline\?.*stage=won.*closedFrom=/);
  await expect(page.getByRole('link', { name: dealName })).toBeVisible();
  await page.goBack();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export PDF' }).click();
  expect((await download).suggestedFilename()).toMatch(/^bookings-\d{4}-\d{2}-01-to-.*\.pdf$/);

  await page.getByLabel('Format', { exact: true }).selectOption('pdf');
  await page.getByRole('button', { name: 'File this report' }).click();
  await expect(page.getByText(/^Filed as bookings-.*\.pdf\.$/)).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Documents' })
    .click();
  await expect(page.getByRole('link', { name: /^bookings-.*\.pdf$/ }).first()).toBeVisible();
});

test('a coordinator sees only their own numbers, whatever coordinator the address asks for', async ({
  browser,
}) => {
  const month = middleOfLastQuarter();
  const coordinator = signedInUser('coordinator');
  const colleague = await createUser('coordinator', { name: unique('Colleague') });
  const mine = await createClient(unique('Own Account'), { coordinatorId: coordinator.id });
  const theirs = await createClient(unique('Other Account'), { coordinatorId: colleague.id });
  const myDeal = unique('My won deal');
  const theirDeal = unique('Their won deal');
  await createDeal(mine.id, myDeal, {
    stage: 'won',
    amountCents: 100_000,
    probability: 100,
    coordinatorId: coordinator.id,
    closedDaysAgo: month.daysAgo,
  });
  await createDeal(theirs.id, theirDeal, {
    stage: 'won',
    amountCents: 200_000,
    probability: 100,
    coordinatorId: colleague.id,
    closedDaysAgo: month.daysAgo,
  });

  const page = await openAs(browser, 'coordinator');
  await page.goto(`/reports/bookings?range=lastQuarter&coordinator=${colleague.id}`);
  await expect(page.getByText('Your numbers', { exact: false }).first()).toBeVisible();
  await expect(page.getByLabel('Coordinator', { exact: true })).toHaveCount(0);
  const monthRow = page
    .getByRole('row')
    .filter({ hasText: month.label })
    .filter({ hasText: 'USD' });
  await monthRow.getByRole('link', { name: month.label }).click();
  await expect(page).toHaveURL(new RegExp(`coordinator=${coordinator.id}`));
  await expect(page.getByRole('link', { name: myDeal })).toBeVisible();
  await expect(page.getByRole('link', { name: theirDeal })).toHaveCount(0);
});
