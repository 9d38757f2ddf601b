import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { signedInUser, storageStateFor } from './support/auth';
import { createClient, createContact, createUser, findUserByEmail } from './support/factories';

const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

test.describe('a manager deactivating a user', () => {
  test.use({ storageState: storageStateFor('manager') });

  test('is asked first: Cancel and Escape change nothing, Deactivate does it', async ({ page }) => {
    const target = await createUser('coordinator');
    await page.goto(`/admin/users/${target.id}`);
    const button = page.getByRole('button', { name: 'Deactivate user' });
    const dialog = page.getByRole('alertdialog', { name: `Deactivate ${target.name}?` });

    await button.click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('will not be able to sign in');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    expect(await findUserByEmail(target.email)).toMatchObject({ active: true });

    await button.click();
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await expect(page.getByText(`${target.name} was deactivated.`)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reactivate user' })).toBeVisible();
    expect(await findUserByEmail(target.email)).toMatchObject({ active: false });
  });
});

test.describe('a coordinator removing a contact', () => {
  test.use({ storageState: storageStateFor('coordinator') });

  test('is asked first: Cancel keeps the contact, Remove contact removes it', async ({ page }) => {
    const me = signedInUser('coordinator');
    const client = await createClient(unique('Confirm Works'), { coordinatorId: me.id });
    const contactName = unique('Dana Keepable');
    await createContact(client.id, contactName, 'dana@confirm.example');
    await page.goto(`/clients/${client.id}`);
    const button = page.getByRole('button', { name: `Remove ${contactName}` });
    const dialog = page.getByRole('alertdialog', { name: `Remove ${contactName}?` });

    await button.click();
    await expect(dialog).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    await page.reload();
    await expect(page.getByText('dana@confirm.example')).toBeVisible();

    await button.click();
    await dialog.getByRole('button', { name: 'Remove contact' }).click();
    await expect(page.getByText(`${contactName} was removed.`)).toBeVisible();
    await expect(page.getByText('dana@confirm.example')).toHaveCount(0);
    await page.reload();
    await expect(page.getByText('dana@confirm.example')).toHaveCount(0);
  });
});
