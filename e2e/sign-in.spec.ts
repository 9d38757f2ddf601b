import { expect, test } from '@playwright/test';
import { signIn, signInAndWait } from './support/auth';
import { createUser } from './support/factories';

test('a wrong password and an unknown e-mail get the same message', async ({ page }) => {
  const user = await createUser('coordinator');
  await signIn(page, user.email, 'not-the-password');
  const form = page.locator('form');
  await expect(form.getByRole('alert')).toHaveText('Invalid email or password.');
  await expect(page.getByLabel('Email')).toHaveValue(user.email);

  await signIn(page, 'nobody-here@example.test', 'whatever-password');
  await expect(form.getByRole('alert')).toHaveText('Invalid email or password.');
});

test('after five failures even the right password is refused for a while', async ({ page }) => {
  const user = await createUser('executive');
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await signIn(page, user.email, `wrong-${attempt}`);
    await expect(page.locator('form').getByRole('alert')).toHaveText('Invalid email or password.');
  }
  await signIn(page, user.email, user.password);
  await expect(page.locator('form').getByRole('alert')).toHaveText(
    'Too many failed sign-in attempts. Wait 15 minutes, then try again.',
  );
  await expect(page).toHaveURL(/\/sign-in/);

  // A client that claims another address is still the same client.
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.77' });
  await signIn(page, user.email, user.password);
  await expect(page.locator('form').getByRole('alert')).toHaveText(
    'Too many failed sign-in attempts. Wait 15 minutes, then try again.',
  );
});

test('a user signs out from the user menu', async ({ page }) => {
  const user = await createUser('coordinator');
  await signInAndWait(page, user);
  await page.getByRole('button', { name: `Account menu for ${user.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the user menu works from the keyboard', async ({ page }) => {
  const user = await createUser('manager');
  await signInAndWait(page, user);
  const menuButton = page.getByRole('button', { name: `Account menu for ${user.name}` });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
});
