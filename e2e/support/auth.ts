import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { TestUser } from './factories';

export const roles = ['coordinator', 'executive', 'manager'] as const;
export type Role = (typeof roles)[number];

const authDir = path.join(import.meta.dirname, '..', '.auth');
export const storageStateFor = (role: Role) => path.join(authDir, `${role}.json`);
export const userFileFor = (role: Role) => path.join(authDir, `${role}.user.json`);

/** The user a role's setup signed in as. */
export function signedInUser(role: Role): TestUser {
  return JSON.parse(readFileSync(userFileFor(role), 'utf8')) as TestUser;
}

/** Context options for a second browser that is nobody yet, whatever the test's own storage state. */
export const signedOut = { storageState: { cookies: [], origins: [] } };

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

export async function signInAndWait(
  page: Page,
  user: Pick<TestUser, 'email' | 'password' | 'name'>,
) {
  await signIn(page, user.email, user.password);
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
}
