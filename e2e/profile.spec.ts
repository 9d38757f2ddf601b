import { randomUUID } from 'node:crypto';
import { expect, test, type Browser } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedOut, signIn, signInAndWait } from './support/auth';
import { createClient, createUser, type TestUser } from './support/factories';

const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

/** A browser of its own for `user`, whose clock is in `timezoneId`. */
async function signedInBrowser(browser: Browser, user: TestUser, timezoneId = 'UTC') {
  const context = await browser.newContext({ ...signedOut, timezoneId });
  const page = await context.newPage();
  await signInAndWait(page, user);
  return { context, page };
}

test.describe('your profile', () => {
  test('a time zone and format set on the profile change the times every page shows', async ({
    browser,
  }) => {
    const user = await createUser('coordinator');
    const name = unique('Zoned Client');
    // 10:30 UTC on 8 March 2026: 3:30 AM in Los Angeles, half an hour after its clocks went forward.
    await createClient(name, { coordinatorId: user.id, updatedAt: '2026-03-08T10:30:00Z' });
    const { context, page } = await signedInBrowser(browser, user);
    const updatedCell = page
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('cell')
      .last();

    await page.goto(`/clients?q=${encodeURIComponent(name)}`);
    await expect(updatedCell).toHaveText('Mar 8, 2026, 10:30 AM');

    // From the user menu (by its text, so it reads the same whatever kind of menu holds it).
    await page.getByRole('button', { name: `Account menu for ${user.name}` }).click();
    await page.getByText('Profile', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('Time zone').fill('Mars/Olympus_Mons');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Choose a time zone from the list.')).toBeVisible();
    await expect(page.getByLabel('Time zone')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Time zone').fill('America/Los_Angeles');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Your profile is saved.')).toBeVisible();
    await page.goto(`/clients?q=${encodeURIComponent(name)}`);
    await expect(updatedCell).toHaveText('Mar 8, 2026, 3:30 AM');

    await page.goto('/profile');
    await page
      .getByLabel('Date and number format')
      .selectOption({ label: 'Deutsch (Deutschland)' });
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Your profile is saved.')).toBeVisible();
    await page.goto(`/clients?q=${encodeURIComponent(name)}`);
    await expect(updatedCell).toHaveText('08.03.2026, 03:30');
    await context.close();
  });

  test("offers the browser's time zone until one is chosen", async ({ browser }) => {
    const user = await createUser('executive');
    const { context, page } = await signedInBrowser(browser, user, 'Europe/Warsaw');
    const banner = page.getByRole('region', { name: 'Time zone' });
    await expect(banner).toContainText('Your browser says Europe/Warsaw — use it?');
    await banner.getByRole('button', { name: 'Use Europe/Warsaw' }).click();
    await expect(banner).toBeHidden();

    await page.goto('/profile');
    await expect(page.getByLabel('Time zone')).toHaveValue('Europe/Warsaw');
    await expect(page.getByRole('region', { name: 'Time zone' })).toBeHidden();
    await context.close();
  });

  test('changing the password keeps this session and signs out the others', async ({ browser }) => {
    const user = await createUser('manager');
    const here = await signedInBrowser(browser, user);
    const elsewhere = await signedInBrowser(browser, user);

    await here.page.goto('/profile');
    await here.page.getByLabel('Current password', { exact: true }).fill('not-the-password');
    await here.page.getByLabel('New password', { exact: true }).fill('a-new-manager-password');
    await here.page.getByLabel('Confirm new password').fill('a-new-manager-password');
    await here.page.getByRole('button', { name: 'Change password' }).click();
    await expect(here.page.getByText('This is not your current password.')).toBeVisible();

    await here.page.getByLabel('Current password', { exact: true }).fill(user.password);
    await here.page.getByLabel('New password', { exact: true }).fill('a-new-manager-password');
    await here.page.getByLabel('Confirm new password').fill('a-new-manager-password');
    await here.page.getByRole('button', { name: 'Change password' }).click();
    await expect(
      here.page.getByRole('status').filter({ hasText: 'Your password is changed' }),
    ).toBeVisible();

    await here.page.goto('/');
    await expect(here.page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
    await elsewhere.page.goto('/');
    await expect(elsewhere.page).toHaveURL(/\/sign-in/);
    await here.context.close();
    await elsewhere.context.close();
  });
});

test.describe('a temporary password', () => {
  test('must be replaced before any page opens', async ({ browser }) => {
    const user = await createUser('coordinator', { mustChangePassword: true });
    const context = await browser.newContext(signedOut);
    const page = await context.newPage();
    await signIn(page, user.email, user.password);
    await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
    await expect(page).toHaveURL(/\/change-password$/);
    await page.goto('/clients');
    await expect(page).toHaveURL(/\/change-password$/);
    await expectNoSeriousA11yViolations(page);

    await page.getByLabel('Temporary password').fill(user.password);
    await page.getByLabel('New password', { exact: true }).fill('pass');
    await page.getByLabel('Confirm new password').fill('pass');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Use at least 8 characters.')).toBeVisible();

    // A refused form keeps no password, so all three are typed again.
    await page.getByLabel('Temporary password').fill(user.password);
    await page.getByLabel('New password', { exact: true }).fill('my-very-own-password');
    await page.getByLabel('Confirm new password').fill('my-very-own-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
    await page.goto('/clients');
    await expect(page).toHaveURL(/\/clients$/);
    await context.close();
  });
});
