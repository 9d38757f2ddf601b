import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, storageStateFor, type Role } from './support/auth';

const expectedNavigation: Record<Role, string[]> = {
  coordinator: [
    'Home',
    'Clients',
    'Prospects',
    'Pipeline',
    'Competitors',
    'Proposals',
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
  ],
  executive: [
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
  ],
  manager: [
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
    'Users',
    'Settings',
    'Audit log',
  ],
};
const roleLabels: Record<Role, string> = {
  coordinator: 'Account coordinator',
  executive: 'Account executive',
  manager: 'Manager',
};

for (const role of Object.keys(expectedNavigation) as Role[]) {
  test.describe(`as ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test('sees the navigation and home page of the role', async ({ page }) => {
      const user = signedInUser(role);
      await page.goto('/');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link')).toHaveText(expectedNavigation[role]);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        `Welcome, ${user.name.split(' ')[0]}`,
      );
      await expect(
        page.getByRole('button', { name: `Account menu for ${user.name}` }),
      ).toContainText(roleLabels[role]);
      await expect(page.getByRole('heading', { name: 'Your work in Accord' })).toBeVisible();
      if (role === 'manager') {
        await expect(page.getByRole('heading', { name: 'Team' })).toBeVisible();
        await expect(page.getByRole('heading', { name: 'Latest activity' })).toBeVisible();
      }
      await expectNoSeriousA11yViolations(page);
    });
  });
}

test.describe('a signed-out visitor', () => {
  test('is sent to sign in, and comes back to the page asked for', async ({ page }) => {
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/sign-in\?from=%2Fadmin%2Fusers/);
    await expectNoSeriousA11yViolations(page);
  });

  test('gets security headers on every response', async ({ request }) => {
    const response = await request.get('/sign-in');
    const headers = response.headers();
    expect(headers['content-security-policy']).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
    );
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['x-powered-by']).toBeUndefined();
  });

  test('can check the health of the service', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

test.describe('a signed-in page', () => {
  test.use({ storageState: storageStateFor('coordinator') });

  test('is never cached', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.headers()['cache-control']).toMatch(/private/);
    expect(response?.headers()['cache-control']).toMatch(/no-store/);
  });
});

test.describe('on a narrow screen', () => {
  test.use({ storageState: storageStateFor('coordinator'), viewport: { width: 390, height: 800 } });

  test('the menu opens onto the navigation and closes once a link is followed', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await page.getByRole('button', { name: 'Accord' }).click();
    const menu = page.getByRole('menu', { name: 'Navigation' });
    await expect(menu.getByRole('menuitem')).toHaveText(expectedNavigation.coordinator);
    await menu.getByRole('menuitem', { name: 'Clients' }).click();
    await expect(page).toHaveURL(/\/clients$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Clients');
    await expect(menu).toBeHidden();
  });
});
