import { randomBytes } from 'node:crypto';
import { expect, test, type APIResponse } from '@playwright/test';
import { signedInUser, signedOut, storageStateFor } from './support/auth';
import { createClient } from './support/factories';
import { createProposalRow, createSharedProposalRow } from './support/proposal-records';

test.use({ storageState: storageStateFor('coordinator') });

function expectIsolationHeaders(response: APIResponse) {
  expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response.headers()['cross-origin-resource-policy']).toBe('same-origin');
}

test('pages, the share page and downloads carry the cross-origin headers; the share page is not indexed', async ({
  page,
}) => {
  const home = await page.request.get('/');
  expect(home.status()).toBe(200);
  expectIsolationHeaders(home);
  expect(home.headers()['x-robots-tag']).toBeUndefined();

  const me = signedInUser('coordinator');
  const client = await createClient(`Headers Client ${Date.now()}`, { coordinatorId: me.id });
  const proposal = await createProposalRow(client.id, {
    title: 'Header check',
    body: 'Body',
    amountCents: 1000,
    validUntil: '2099-12-31',
  });

  const pdf = await page.request.get(`/proposals/${proposal.id}/pdf`);
  expect(pdf.status()).toBe(200);
  expectIsolationHeaders(pdf);

  const csv = await page.request.get('/clients/export');
  expect(csv.status()).toBe(200);
  expectIsolationHeaders(csv);

  const { link } = await createSharedProposalRow(client.id, {
    title: 'Header check',
    body: 'Body',
    status: 'sent',
    authorId: me.id,
  });
  const shared = await page.request.get(link);
  expect(shared.status()).toBe(200);
  expect(await shared.text()).toContain('Header check');
  expectIsolationHeaders(shared);
  expect(shared.headers()['x-robots-tag']).toBe('noindex');

  const unknown = await page.request.get(`/p/${randomBytes(24).toString('base64url')}`);
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()['x-robots-tag']).toBe('noindex');
});

/** The rules of the MDN HTTP Observatory that a local server can be held to. */
function expectObservatoryRules(response: APIResponse, where: string) {
  const headers = response.headers();
  const policy = headers['content-security-policy'] ?? '';
  const directives = new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  const scripts = directives.get('script-src') ?? [];
  expect(scripts, where).toContainEqual(expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]+'$/));
  expect(scripts, where).not.toContain("'unsafe-inline'");
  expect(scripts, where).not.toContain("'unsafe-eval'");
  expect(directives.get('object-src'), where).toEqual(["'none'"]);
  expect(directives.get('base-uri'), where).toEqual(["'self'"]);
  expect(directives.get('form-action'), where).toEqual(["'self'"]);
  expect(directives.get('frame-ancestors'), where).toEqual(["'none'"]);
  expect(headers['x-frame-options'], where).toBe('DENY');
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
  expect(headers['x-powered-by'], where).toBeUndefined();
  expect(headers['strict-transport-security'], `${where} over plain HTTP`).toBeUndefined();
}

test('the sign-in page, a portal page, route handlers and the share page meet the Observatory rules', async ({
  page,
  playwright,
  baseURL,
}) => {
  const me = signedInUser('coordinator');
  const client = await createClient(`Observatory Client ${Date.now()}`, { coordinatorId: me.id });
  const { link } = await createSharedProposalRow(client.id, {
    title: 'Observatory check',
    body: 'Body',
    status: 'sent',
    authorId: me.id,
  });
  for (const path of ['/sign-in', '/clients', '/clients/export', '/api/health', link]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    expectObservatoryRules(response, path);
  }

  // Behind a proxy that terminates HTTPS: HSTS, and every cookie Secure, HttpOnly and SameSite.
  const behindHttps = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { 'x-forwarded-proto': 'https' },
  });
  const secured = await behindHttps.get('/sign-in');
  expect(secured.headers()['strict-transport-security']).toBe(
    'max-age=63072000; includeSubDomains',
  );
  const csrf = await behindHttps.get('/api/auth/csrf');
  const cookies = csrf.headersArray().filter((header) => header.name === 'set-cookie');
  expect(cookies.length).toBeGreaterThan(0);
  for (const { value } of cookies) {
    expect(value).toMatch(/;\s*HttpOnly/i);
    expect(value).toMatch(/;\s*Secure/i);
    expect(value).toMatch(/;\s*SameSite=(Lax|Strict)/i);
  }
  await behindHttps.dispose();

  // Over plain HTTP the session cookie the sign-in set is still HttpOnly and SameSite.
  const session = (await page.context().cookies()).find((cookie) =>
    cookie.name.includes('session-token'),
  );
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
});

test('a sign-in body larger than a form is refused before it is parsed', async ({ page }) => {
  const response = await page.request.post('/api/auth/callback/credentials', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: `email=a%40b.test&password=${'x'.repeat(64 * 1024)}`,
    maxRedirects: 0,
  });
  expect(response.status()).toBe(413);
});

test('pages hydrate and work under the nonce policy, with no policy violations', async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: storageStateFor('coordinator') });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(
        `Refused to load: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber} on ${location.pathname}`,
      ),
    );
  });

  // A list: typing in its search box changes the URL, which only hydrated React does.
  await page.goto('/clients');
  await page.getByLabel('Search', { exact: true }).fill('nonce check');
  await expect(page).toHaveURL(/q=nonce/);
  // A form: the client-side validation message appears without a page load.
  await page.goto('/clients/new');
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByText('Enter a name.')).toBeVisible();
  await context.close();

  // The sign-in page, signed out: its form signs in.
  const signedOutContext = await browser.newContext(signedOut);
  const signInPage = await signedOutContext.newPage();
  signInPage.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await signInPage.goto('/sign-in');
  await signInPage.getByLabel('Email').fill('nobody@example.test');
  await signInPage.getByLabel('Password').fill('not-a-password');
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(signInPage.locator('form').getByRole('alert')).toHaveText(
    'Invalid email or password.',
  );
  await signedOutContext.close();
  expect(violations).toEqual([]);
});
