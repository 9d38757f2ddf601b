import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, signInAndWait, storageStateFor } from './support/auth';
import { createClient, createDeal, createNotification, createUser } from './support/factories';

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A click on the page well away from any menu, in its bottom left corner. */
async function clickOutside(page: Page) {
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.mouse.click(8, viewport.height - 8);
}

/** The menu's box lies inside the window, however near an edge its trigger is. */
async function expectOnScreen(page: Page, menu: Locator) {
  const box = await menu.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport).toBeTruthy();
  if (!box || !viewport) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
}

/**
 * Opens the menu from the keyboard (`key` on the focused trigger), checks that Home and the arrow
 * keys move between items, that Escape closes it and gives focus back to the trigger, then that a
 * click outside closes it too.
 */
async function checkMenuKeyboard(
  page: Page,
  options: {
    trigger: Locator;
    menuName: string;
    key: 'Enter' | 'Space';
    first: Locator;
    second: Locator;
  },
) {
  const { trigger, menuName, key, first, second } = options;
  const menu = page.getByRole('menu', { name: menuName });
  await trigger.focus();
  await page.keyboard.press(key);
  await expect(menu).toBeVisible();
  await expect(second).toBeVisible();
  // Radix focuses the first item, or the menu itself when a pointer moved just before.
  await page.keyboard.press('Home');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(second).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();
  await expectOnScreen(page, menu);
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(trigger).toBeFocused();
  await expect(trigger).toHaveAttribute('aria-expanded', 'false');

  await trigger.click();
  await expect(menu).toBeVisible();
  await clickOutside(page);
  await expect(menu).toBeHidden();
}

test.describe('menus on a wide screen', () => {
  test.use({ storageState: storageStateFor('coordinator') });

  test('the user menu opens with Space onto Profile, moves to Sign out, and closes with Escape or a click outside', async ({
    page,
  }) => {
    const user = signedInUser('coordinator');
    await page.goto('/');
    const trigger = page.getByRole('button', { name: `Account menu for ${user.name}` });
    const menu = page.getByRole('menu', { name: 'Account' });
    const profile = menu.getByRole('menuitem', { name: 'Profile' });
    const signOut = menu.getByRole('menuitem', { name: 'Sign out' });
    await trigger.focus();
    await page.keyboard.press('Space');
    await expect(menu).toBeVisible();
    // Radix sometimes focuses the menu itself first: Home reaches the first item either way.
    await page.keyboard.press('Home');
    await expect(profile).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(signOut).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(signOut).toBeFocused();
    await expectOnScreen(page, menu);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(trigger).toBeFocused();

    await trigger.click();
    await expect(signOut).toBeVisible();
    await clickOutside(page);
    await expect(menu).toBeHidden();
  });

  test('the column menu moves by arrow keys, toggles a column with Space and stays open', async ({
    page,
  }) => {
    await page.goto('/clients');
    const trigger = page.getByRole('button', { name: 'Columns' });
    const menu = page.getByRole('menu', { name: 'Visible columns' });
    const status = menu.getByRole('menuitemcheckbox', { name: 'Status' });
    await checkMenuKeyboard(page, {
      trigger,
      menuName: 'Visible columns',
      key: 'Enter',
      first: status,
      second: menu.getByRole('menuitemcheckbox', { name: 'Industry' }),
    });

    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'Status' })).toBeVisible();
    await trigger.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Home');
    await expect(status).toBeFocused();
    await expect(status).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('Space');
    await expect(table.getByRole('columnheader', { name: 'Status' })).toHaveCount(0);
    await expect(status).toHaveAttribute('aria-checked', 'false');
    await expect(menu).toBeVisible();
    await page.keyboard.press('Space');
    await expect(table.getByRole('columnheader', { name: 'Status' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(trigger).toBeFocused();
  });

  test('"Move to…" moves by arrow keys, closes with Escape, and moves the deal with Enter', async ({
    page,
  }) => {
    const me = signedInUser('coordinator');
    const client = await createClient(unique('Menu Harbor'), { coordinatorId: me.id });
    const dealName = unique('Menu deal');
    await createDeal(client.id, dealName, { stage: 'lead' });
    await page.goto(`/pipeline/board?q=${encodeURIComponent(dealName)}`);
    const column = (stage: string) => page.getByRole('region', { name: stage, exact: true });
    await expect(column('Lead').getByRole('link', { name: dealName })).toBeVisible();

    const trigger = page.getByRole('button', { name: `Move ${dealName} to…` });
    const menu = page.getByRole('menu', { name: `Move ${dealName} to…` });
    await checkMenuKeyboard(page, {
      trigger,
      menuName: `Move ${dealName} to…`,
      key: 'Enter',
      first: menu.getByRole('menuitem', { name: 'Qualified' }),
      second: menu.getByRole('menuitem', { name: 'Proposal' }),
    });

    await trigger.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Proposal' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    await expect(page.getByText(`Moved ${dealName} to Proposal.`)).toBeVisible();
    await expect(column('Proposal').getByRole('link', { name: dealName })).toBeVisible();
  });

  test('"Move to…" pressed before the page hydrates opens once it has', async ({ page }) => {
    const me = signedInUser('coordinator');
    const client = await createClient(unique('Early Harbor'), { coordinatorId: me.id });
    const dealName = unique('Early deal');
    await createDeal(client.id, dealName, { stage: 'qualified' });

    // Hold the page's scripts back until the button has been pressed.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/_next/static/chunks/**/*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`/pipeline/board?q=${encodeURIComponent(dealName)}`, { waitUntil: 'commit' });
    await page.locator('summary', { hasText: 'Move to…' }).click();
    release();
    const menu = page.getByRole('menu', { name: `Move ${dealName} to…` });
    await expect(menu.getByRole('menuitem', { name: 'Proposal' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(page.getByRole('button', { name: `Move ${dealName} to…` })).toBeFocused();
  });
});

test('the notifications menu moves between notifications by arrow keys and closes with Escape', async ({
  page,
}) => {
  const user = await createUser('executive');
  await createNotification(user.id, { title: 'Older menu news', href: '/notifications' });
  await createNotification(user.id, { title: 'Newer menu news', href: '/notifications' });
  await signInAndWait(page, user);

  const trigger = page.getByRole('button', { name: 'Notifications, 2 unread' });
  const menu = page.getByRole('menu', { name: 'Notifications' });
  await checkMenuKeyboard(page, {
    trigger,
    menuName: 'Notifications',
    key: 'Enter',
    first: menu.getByRole('menuitem', { name: 'Mark all as read' }),
    second: menu.getByRole('menuitem', { name: /Newer menu news/ }),
  });

  await trigger.focus();
  await page.keyboard.press('Space');
  await expect(menu.getByRole('menuitem', { name: /Older menu news/ })).toBeVisible();
  // One key at a time, each after the focus it moves from: a key sent before the menu has taken
  // the focus is lost (seen once in CI).
  await page.keyboard.press('Home');
  await expect(menu.getByRole('menuitem', { name: 'Mark all as read' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /Newer menu news/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /Older menu news/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(menu).toBeHidden();
  await expect(page.getByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();
});

test.describe('menus on a narrow screen', () => {
  test.use({ storageState: storageStateFor('coordinator'), viewport: { width: 390, height: 800 } });

  test('the navigation menu moves by arrow keys, and closes with Escape or a click outside', async ({
    page,
  }) => {
    await page.goto('/');
    const menu = page.getByRole('menu', { name: 'Navigation' });
    await checkMenuKeyboard(page, {
      trigger: page.getByRole('button', { name: 'Accord' }),
      menuName: 'Navigation',
      key: 'Enter',
      first: menu.getByRole('menuitem', { name: 'Home' }),
      second: menu.getByRole('menuitem', { name: 'Clients' }),
    });
  });

  test('the navigation works before the page hydrates', async ({ page }) => {
    await page.route('**/_next/static/chunks/**/*.js', (route) => route.abort());
    await page.goto('/', { waitUntil: 'commit' });
    await page.locator('summary', { hasText: 'Accord' }).click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Clients' })
      .click();
    await expect(page).toHaveURL(/\/clients$/);
  });

  test('the notifications and user menus stay on screen', async ({ page }) => {
    const user = signedInUser('coordinator');
    await page.goto('/');
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await expectOnScreen(page, page.getByRole('menu', { name: 'Notifications' }));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: `Account menu for ${user.name}` }).click();
    await expectOnScreen(page, page.getByRole('menu', { name: 'Account' }));
  });
});
