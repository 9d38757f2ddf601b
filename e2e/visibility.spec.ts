import { expect, test } from '@playwright/test';
import { signedInUser, signedOut, signInAndWait, storageStateFor } from './support/auth';
import {
  createClient,
  createNotification,
  createUser,
  setRecordVisibility,
} from './support/factories';

// The setting is global; every other spec assigns its clients to the user who reads them, so
// switching to "assigned" here does not change what they see.
test.describe('under "assigned" record visibility', () => {
  // One after another in one worker: each sets the global setting, and the reset must wait for both.
  test.describe.configure({ mode: 'default' });
  test.afterAll(async () => {
    await setRecordVisibility('open');
  });

  test("a manager sets it, and a coordinator cannot reach another team's account any way", async ({
    browser,
  }) => {
    const coordinator = signedInUser('coordinator');
    const stamp = Date.now().toString(36);
    const mine = await createClient(`Assigned Mine ${stamp}`, { coordinatorId: coordinator.id });
    const theirs = await createClient(`Assigned Theirs ${stamp}`);

    const managerContext = await browser.newContext({ storageState: storageStateFor('manager') });
    const managerPage = await managerContext.newPage();
    await managerPage.goto('/admin/settings');
    await managerPage.getByLabel(/^Assigned/).check();
    await managerPage.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(managerPage.getByText('Record visibility saved.')).toBeVisible();

    const context = await browser.newContext({ storageState: storageStateFor('coordinator') });
    const page = await context.newPage();
    await page.goto(`/clients?q=${encodeURIComponent(stamp)}`);
    const table = page.getByRole('table', { name: 'Clients' });
    await expect(table.getByRole('link', { name: mine.name })).toBeVisible();
    await expect(table.getByRole('link', { name: theirs.name })).toHaveCount(0);

    const typed = await page.goto(`/clients/${theirs.id}`);
    expect(typed?.status()).toBe(404);

    const csv = await (
      await page.request.get(`/clients/export?q=${encodeURIComponent(stamp)}`)
    ).text();
    expect(csv).toContain(mine.name);
    expect(csv).not.toContain(theirs.name);

    await page.goto('/');
    await page.getByRole('button', { name: /^Search/ }).click();
    await page
      .getByRole('combobox', { name: 'Search clients and contacts' })
      .fill(`Assigned Theirs ${stamp}`);
    await expect(page.getByText(`Nothing matches “Assigned Theirs ${stamp}”.`)).toBeVisible();

    await managerPage.goto(`/clients/${theirs.id}`);
    await expect(managerPage.getByRole('heading', { level: 1, name: theirs.name })).toBeVisible();
    await context.close();
    await managerContext.close();
  });

  test("a coordinator's bell and notifications page leave out another team's proposal", async ({
    browser,
  }) => {
    const coordinator = await createUser('coordinator');
    const stamp = Date.now().toString(36);
    const mine = await createClient(`Bell Mine ${stamp}`, { coordinatorId: coordinator.id });
    const theirs = await createClient(`Bell Theirs ${stamp}`);
    await createNotification(coordinator.id, {
      title: `Approved: Retainer — ${theirs.name}`,
      href: '/proposals',
      clientId: theirs.id,
    });
    await createNotification(coordinator.id, {
      title: `Approved: Retainer — ${mine.name}`,
      href: `/clients/${mine.id}`,
      clientId: mine.id,
    });
    await setRecordVisibility('assigned');

    const context = await browser.newContext(signedOut);
    const page = await context.newPage();
    await signInAndWait(page, coordinator);
    const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
    await expect(bell).toBeVisible();
    await bell.click();
    const recent = page.getByRole('group', { name: 'Recent notifications' });
    await expect(recent.getByRole('menuitem', { name: new RegExp(mine.name) })).toBeVisible();
    await expect(recent.getByRole('menuitem')).toHaveCount(1);
    await expect(page.getByText(theirs.name)).toHaveCount(0);

    await page.goto('/notifications');
    const all = page.getByRole('region', { name: 'All notifications' });
    await expect(all.getByRole('link', { name: new RegExp(mine.name) })).toBeVisible();
    await expect(all.getByRole('link')).toHaveCount(1);
    await expect(page.getByText(theirs.name)).toHaveCount(0);
    await context.close();
  });
});
