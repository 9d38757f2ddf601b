import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, signedOut, signInAndWait, storageStateFor } from './support/auth';
import {
  createClient,
  createNotification,
  createUser,
  resetReviewSettings,
} from './support/factories';

test.describe('review settings', () => {
  test.use({ storageState: storageStateFor('manager') });
  test.afterAll(async () => {
    await resetReviewSettings();
  });

  test('a manager sets the threshold, due hours and backup reviewer', async ({ page }) => {
    const backup = signedInUser('executive');
    await page.goto('/admin/settings');
    await page.getByLabel('Review due within (hours)').fill('0');
    await page.getByRole('button', { name: 'Save review settings' }).click();
    await expect(page.getByText('Give reviewers at least one hour.')).toBeVisible();
    await expect(page.getByLabel('Review due within (hours)')).toHaveAttribute(
      'aria-invalid',
      'true',
    );

    await page.getByLabel('Review threshold').fill('15,000');
    await page.getByLabel('Review due within (hours)').fill('12');
    await page
      .getByLabel('Backup reviewer')
      .selectOption({ label: `${backup.name} (Account executive)` });
    await page.getByRole('button', { name: 'Save review settings' }).click();
    await expect(page.getByText('Review settings saved.')).toBeVisible();

    await page.reload();
    await expect(page.getByLabel('Review threshold')).toHaveValue('15000.00');
    await expect(page.getByLabel('Review due within (hours)')).toHaveValue('12');
    await expect(page.getByLabel('Backup reviewer')).toHaveValue(backup.id);
    await page.screenshot({ path: 'test-results/e2e/review-settings.png', fullPage: true });
  });
});

test.describe('failed e-mails', () => {
  test.use({ storageState: storageStateFor('manager') });

  test('a manager sees an e-mail that used up its retries and queues it again', async ({
    page,
  }) => {
    const recipient = await createUser('executive');
    const subject = `Review requested: Failed ${Date.now().toString(36)}`;
    await createNotification(recipient.id, {
      title: subject,
      href: '/proposals',
      read: true,
      emailFailedWith: '550 Mailbox does not exist',
    });
    await page.goto('/admin/settings');
    const table = page.getByRole('table', { name: 'Failed e-mails' });
    const row = table.getByRole('row').filter({ hasText: subject });
    await expect(row).toContainText(recipient.email);
    await expect(row).toContainText('550 Mailbox does not exist');
    await expect(row).toContainText('6 attempts');
    await expectNoSeriousA11yViolations(page);
    await row.getByRole('button', { name: `Retry “${subject}”` }).click();
    await expect(page.getByText('Queued again. It goes out within a minute.')).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: subject })).toHaveCount(0);
  });
});

test.describe('the notification bell', () => {
  test.use(signedOut);

  test('shows the unread count, opens the list, and a click marks one read', async ({ page }) => {
    const user = await createUser('executive');
    const client = await createClient(`Bell Client ${Date.now().toString(36)}`, {
      ownerId: user.id,
    });
    await createNotification(user.id, {
      title: 'Old news',
      href: '/notifications',
      read: true,
    });
    await createNotification(user.id, {
      title: 'Review overdue: Spring retainer',
      body: `${client.name} · $25,000`,
      href: '/notifications',
    });
    await createNotification(user.id, {
      title: 'Client viewed the proposal',
      body: `${client.name} opened the share link.`,
      href: `/clients/${client.id}`,
    });

    await signInAndWait(page, user);
    const bell = page.getByRole('button', { name: 'Notifications, 2 unread' });
    await expect(bell).toBeVisible();
    await bell.click();
    const list = page.getByRole('group', { name: 'Recent notifications' });
    await expect(list.getByRole('menuitem')).toHaveCount(3);
    await expect(
      list.getByRole('menuitem', { name: /^Unread: Client viewed the proposal/ }),
    ).toBeVisible();
    await expect(list.getByRole('menuitem', { name: /^Old news/ })).toBeVisible();
    await page.screenshot({ path: 'test-results/e2e/notification-bell.png' });

    await list.getByRole('menuitem', { name: /Client viewed the proposal/ }).click();
    await expect(page).toHaveURL(new RegExp(`/clients/${client.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();

    await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    await page.getByRole('menuitem', { name: 'Mark all as read' }).click();
    await expect(page.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();

    await page.goto('/notifications');
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    const all = page.getByRole('region', { name: 'All notifications' });
    await expect(all.getByRole('link')).toHaveCount(3);
    await expect(all.getByText('Unread:')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/e2e/notifications-page.png', fullPage: true });
    await expectNoSeriousA11yViolations(page);
  });
});
