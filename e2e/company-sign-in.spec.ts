import { randomBytes, randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import {
  migrateInProcess,
  startAccordServer,
  type RunningServer,
} from '../scripts/lib/accord-server';
import { createDatabase, dropDatabase } from '../scripts/lib/test-database';
import { startOidcProvider, type OidcAccount } from '../tests/support/oidc-provider';
import { signIn, signInAndWait } from './support/auth';
import { createUser } from './support/factories';

// One server with company sign-in configured, on a database of its own: requiring company
// sign-in there must not touch the other specs' password sign-ins.
test.describe.configure({ mode: 'serial' });

const e2eUrl = process.env.E2E_DATABASE_URL ?? '';
const port = Number(process.env.E2E_PORT ?? 3100) + 1;
// next-auth's route handler sees 127.0.0.1 as "localhost" (Next's URL normalises loopback), so
// the browser uses that name too: the callback URL must be the same at both ends of the flow.
const base = `http://localhost:${port}`;
const databaseName = `${new URL(e2eUrl).pathname.slice(1)}_company`;
const providerName = 'Example SSO';
const accounts: OidcAccount[] = [];

let provider: Awaited<ReturnType<typeof startOidcProvider>> | undefined;
let server: RunningServer | undefined;
let sql: postgres.Sql;

test.use({ baseURL: base, storageState: { cookies: [], origins: [] } });

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  const databaseUrl = await createDatabase(e2eUrl, databaseName);
  expect(await migrateInProcess(databaseUrl)).toBe(0);
  sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  provider = await startOidcProvider({
    redirectUri: `${base}/api/auth/callback/company`,
    accounts,
  });
  server = await startAccordServer(port, {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    ACCORD_JOBS: 'off',
    WEB_CONCURRENCY: '1',
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_NAME: providerName,
    // The callback URL registered at the provider: next-auth must build exactly this one.
    AUTH_URL: base,
  });
});

test.afterAll(async () => {
  await server?.stop();
  await provider?.close();
  await sql?.end();
  await dropDatabase(e2eUrl, databaseName);
});

/** A person at the company's provider, with the e-mail and verification the test chooses. */
function companyAccount(email: string, emailVerified = true) {
  const account = { sub: `person-${randomUUID()}`, email, emailVerified };
  accounts.push(account);
  return account;
}

/** From Accord's sign-in page through the provider's login page, back to Accord. */
async function signInWithCompany(page: Page, account: OidcAccount) {
  await page.context().clearCookies();
  await page.goto('/sign-in');
  await page.getByRole('button', { name: `Sign in with ${providerName}` }).click();
  await page.getByPlaceholder('Enter any login').fill(account.sub);
  await page.getByPlaceholder('and password').fill('any-password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

const refusal = (page: Page) => page.getByRole('main').getByRole('alert');

test('a known user signs in with a verified e-mail; once deactivated they are locked out', async ({
  page,
}) => {
  const user = await createUser('coordinator', {}, sql);
  const account = companyAccount(user.email.toUpperCase());

  await signInWithCompany(page, account);
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
  const [linked] = await sql`select company_sign_in_subject from users where id = ${user.id}`;
  expect(linked?.company_sign_in_subject).toBe(account.sub);

  await sql`update users set active = false where id = ${user.id}`;
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in/);
  await signInWithCompany(page, account);
  await expect(refusal(page)).toHaveText(/Your Accord user is deactivated/);
});

test('an unknown e-mail, an unverified e-mail and a tampered state are refused', async ({
  page,
}) => {
  await signInWithCompany(
    page,
    companyAccount(`stranger-${randomUUID().slice(0, 8)}@example.test`),
  );
  await expect(refusal(page)).toHaveText(/There is no Accord user with your company e-mail/);

  const user = await createUser('executive', {}, sql);
  await signInWithCompany(page, companyAccount(user.email, false));
  await expect(refusal(page)).toHaveText(/no verified e-mail address/);

  // The state Accord sent is swapped on the way to the provider, which hands the swapped one back
  // to the callback: it no longer matches Accord's state cookie. (Playwright cannot rewrite the
  // provider's redirect to the callback itself.)
  await page.route(
    (url) => url.origin === provider?.issuer && url.pathname === '/auth',
    (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('state', 'tampered-state');
      return route.continue({ url: url.toString() });
    },
  );
  await signInWithCompany(page, companyAccount(user.email));
  await expect(refusal(page)).toHaveText(/Company sign-in did not complete/);
  const [row] = await sql`select company_sign_in_subject from users where id = ${user.id}`;
  expect(row?.company_sign_in_subject).toBeNull();
});

test('a manager lets company sign-in create users, then requires it of everyone but managers', async ({
  page,
  browser,
}) => {
  const manager = await createUser('manager', {}, sql);
  await signInAndWait(page, manager);
  await page.goto('/admin/settings');
  await page.getByLabel('Create users from company sign-in').check();
  await page.getByLabel('Role of users created this way').selectOption('executive');
  await page.getByRole('button', { name: 'Save company sign-in settings' }).click();
  await expect(page.getByText('Company sign-in settings saved.')).toBeVisible();

  const newcomer = await browser.newPage({ baseURL: base });
  const email = `newcomer-${randomUUID().slice(0, 8)}@example.test`;
  await signInWithCompany(newcomer, companyAccount(email));
  await expect(newcomer.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
  const [created] = await sql`select role, password_hash from users where lower(email) = ${email}`;
  expect(created).toEqual({ role: 'executive', password_hash: null });
  await newcomer.close();

  await page.getByLabel('Require company sign-in for everyone but managers').check();
  await page.getByRole('button', { name: 'Save company sign-in settings' }).click();
  await expect(page.getByText('Company sign-in settings saved.')).toHaveCount(1);

  const coordinatorPage = await browser.newPage({ baseURL: base });
  const coordinator = await createUser('coordinator', {}, sql);
  await signIn(coordinatorPage, coordinator.email, coordinator.password);
  await expect(coordinatorPage.locator('form').getByRole('alert')).toHaveText(
    `Your team signs in with ${providerName}, not a password: use “Sign in with ${providerName}”.`,
  );
  await coordinatorPage.close();
});
