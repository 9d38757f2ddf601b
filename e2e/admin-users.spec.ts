import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedOut, signIn, signInAndWait, storageStateFor } from './support/auth';
import { createUser, findUserByEmail } from './support/factories';

const uniqueEmail = (label: string) =>
  `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;

async function fillNewUser(page: Page, user: { name: string; email: string; role: string }) {
  await page.goto('/admin/users/new');
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Role').selectOption({ label: user.role });
}

test.describe('a manager', () => {
  test.use({ storageState: storageStateFor('manager') });

  test('lists, searches and sorts users with the state in the URL', async ({ page }) => {
    const person = await createUser('executive', { name: `Quinn Listable ${Date.now()}` });
    await page.goto('/admin/users');
    await expect(page.getByRole('table', { name: 'Users' })).toBeVisible();
    await page.getByLabel('Search users').fill('Quinn Listable');
    await expect(page).toHaveURL(/q=Quinn\+Listable/);
    await expect(page.getByRole('link', { name: person.name })).toBeVisible();
    await page.getByRole('button', { name: 'Email' }).click();
    await expect(page).toHaveURL(/sort=email/);
    await page.goBack();
    await expect(page).not.toHaveURL(/sort=email/);
    await expectNoSeriousA11yViolations(page);
  });

  test('adds a user with a temporary password, who can then sign in', async ({ page, browser }) => {
    const email = uniqueEmail('temp');
    await fillNewUser(page, { name: 'Tamsin Temporary', email, role: 'Account executive' });
    await page.getByLabel('Set a temporary password now').check();
    await page.getByLabel('Temporary password', { exact: true }).fill('tamsin-first-password');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'was added' })).toContainText(
      'Tamsin Temporary',
    );

    // The password a manager chose opens nothing until the newcomer chooses their own.
    const newcomer = await browser.newContext(signedOut);
    const newcomerPage = await newcomer.newPage();
    await signIn(newcomerPage, email, 'tamsin-first-password');
    await expect(newcomerPage.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
    await newcomerPage.getByLabel('Temporary password').fill('tamsin-first-password');
    await newcomerPage.getByLabel('New password', { exact: true }).fill('tamsin-own-password');
    await newcomerPage.getByLabel('Confirm new password').fill('tamsin-own-password');
    await newcomerPage.getByRole('button', { name: 'Change password' }).click();
    await expect(newcomerPage.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
    await expect(
      newcomerPage.getByRole('navigation', { name: 'Main' }).getByRole('link'),
    ).toHaveText([
      'Home',
      'Clients',
      'Prospects',
      'Pipeline',
      'Competitors',
      'Proposals',
      'Review queue',
      'Templates',
      'Contracts',
      'Invoices',
      'Calendar',
      'Feedback',
      'Tasks',
      'Materials',
      'Campaigns',
      'Reports',
      'Documents',
    ]);
    await newcomer.close();
  });

  test('adds a user with a one-time link they use to set their password', async ({
    page,
    browser,
  }) => {
    const email = uniqueEmail('link');
    await fillNewUser(page, { name: 'Lionel Link', email, role: 'Account coordinator' });
    await page.getByRole('button', { name: 'Add user' }).click();
    const link = await page.getByLabel('Set-password link').inputValue();
    expect(link).toMatch(/\/set-password\/[\w-]{40,}$/);

    const newcomer = await browser.newContext(signedOut);
    const newcomerPage = await newcomer.newPage();
    await newcomerPage.goto(link);
    await newcomerPage.getByLabel('New password').fill('lionel-own-password');
    await newcomerPage.getByLabel('Confirm password').fill('lionel-own-password');
    await newcomerPage.getByRole('button', { name: 'Set password' }).click();
    await expect(newcomerPage.getByRole('status')).toContainText('Your password is set');
    await signInAndWait(newcomerPage, {
      email,
      password: 'lionel-own-password',
      name: 'Lionel Link',
    });

    await newcomerPage.goto(new URL(link).pathname);
    await newcomerPage.getByLabel('New password').fill('second-use-password');
    await newcomerPage.getByLabel('Confirm password').fill('second-use-password');
    await newcomerPage.getByRole('button', { name: 'Set password' }).click();
    await expect(newcomerPage.locator('form').getByRole('alert')).toContainText(
      'already been used',
    );
    await newcomer.close();
  });

  test('sees bad input refused next to its field, with what was typed kept', async ({ page }) => {
    const existing = await createUser('coordinator');
    await fillNewUser(page, {
      name: 'Dana Duplicate',
      email: existing.email.toUpperCase(),
      role: 'Manager',
    });
    await page.getByLabel('Set a temporary password now').check();
    await page.getByLabel('Temporary password', { exact: true }).fill('a-perfectly-fine-password');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('A user with this email already exists.')).toBeVisible();
    await expect(page.getByLabel('Name')).toHaveValue('Dana Duplicate');
    await expect(page.getByLabel('Role')).toHaveValue('manager');

    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Temporary password', { exact: true }).fill('password123');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByText('Enter a valid email address.')).toBeVisible();
    await expect(
      page.getByText('This password is too common. Choose one that is harder to guess.'),
    ).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue('not-an-email');
    expect(await findUserByEmail(existing.email)).toMatchObject({ role: 'coordinator' });
  });

  test('changes a role, and deactivation locks the user out at once', async ({ page, browser }) => {
    const target = await createUser('coordinator');
    const targetContext = await browser.newContext(signedOut);
    const targetPage = await targetContext.newPage();
    await signInAndWait(targetPage, target);

    await page.goto(`/admin/users/${target.id}`);
    await page.getByLabel('Role').selectOption('executive');
    await page.getByRole('button', { name: 'Change role' }).click();
    await expect(page.getByText('Role updated.')).toBeVisible();
    await targetPage.reload();
    await expect(
      targetPage.getByRole('button', { name: `Account menu for ${target.name}` }),
    ).toContainText('Account executive');

    await page.getByRole('button', { name: 'Deactivate user' }).click();
    await page
      .getByRole('alertdialog', { name: `Deactivate ${target.name}?` })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    await expect(page.getByText(`${target.name} was deactivated.`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reactivate user' })).toBeVisible();

    await targetPage.reload();
    await expect(targetPage).toHaveURL(/\/sign-in/);
    await signIn(targetPage, target.email, target.password);
    await expect(targetPage.locator('form').getByRole('alert')).toHaveText(
      'Invalid email or password.',
    );
    await targetContext.close();
  });

  test('filters the audit log', async ({ page }) => {
    const target = await createUser('coordinator');
    await page.goto(`/admin/users/${target.id}`);
    await page.getByRole('button', { name: 'Deactivate user' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click();
    await expect(page.getByRole('button', { name: 'Reactivate user' })).toBeVisible();
    await page.goto('/admin/audit-log');
    await page
      .getByRole('combobox', { name: 'Action' })
      .selectOption({ label: 'User deactivated' });
    await expect(page).toHaveURL(/action=user.deactivated/);
    const table = page.getByRole('table', { name: 'Audit log' });
    await expect(table.getByRole('row').filter({ hasText: target.name }).first()).toContainText(
      'User deactivated',
    );
    await expectNoSeriousA11yViolations(page);
  });
});

for (const role of ['coordinator', 'executive'] as const) {
  test.describe(`a ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test('is refused the admin pages with a 403', async ({ page }) => {
      for (const path of [
        '/admin/users',
        '/admin/users/new',
        '/admin/audit-log',
        '/admin/settings',
      ]) {
        const response = await page.goto(path);
        expect(response?.status()).toBe(403);
        await expect(
          page.getByRole('heading', { name: 'You do not have access to this page' }),
        ).toBeVisible();
      }
    });
  });
}
