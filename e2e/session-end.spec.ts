import { expect, test, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { signedOut, signInAndWait } from './support/auth';
import { createUser } from './support/factories';

// Each test signs in a user of its own: signing out ends every session of that user, so the
// role setups' users must not be the ones signed out here.
test.use(signedOut);

const sessionCookieName = 'authjs.session-token';

async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((each) => each.name === sessionCookieName);
  if (!cookie) throw new Error('not signed in');
  return cookie;
}

/**
 * An export refused to a dead session: the route's own 401, or the proxy's redirect to sign-in
 * once this server process knows the session was revoked.
 */
async function expectExportRefused(request: APIRequestContext) {
  const response = await request.get('/clients/export', { maxRedirects: 0 });
  if (response.status() === 401) return;
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(/\/sign-in/);
}

/** What a browser posts to next-auth's own sign-out endpoint. */
async function postSignOut(request: APIRequestContext) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as {
    csrfToken: string;
  };
  return request.post('/api/auth/signout', {
    form: { csrfToken, callbackUrl: '/sign-in' },
    maxRedirects: 0,
  });
}

test('POST /api/auth/signout ends the session: the old cookie opens no page, export or session', async ({
  page,
  browser,
}) => {
  const user = await createUser('coordinator');
  await signInAndWait(page, user);
  const oldCookie = await sessionCookie(page.context());

  const signOut = await postSignOut(page.request);
  expect(signOut.status()).toBe(302);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain(
    sessionCookieName,
  );

  // Someone who kept a copy of the cookie.
  const replay = await browser.newContext(signedOut);
  await replay.addCookies([oldCookie]);
  const replayPage = await replay.newPage();
  await replayPage.goto('/clients');
  await expect(replayPage).toHaveURL(/\/sign-in/);
  await expectExportRefused(replay.request);
  const session = await replay.request.get('/api/auth/session');
  expect(await session.json()).toBeNull();
  const reissued = session
    .headersArray()
    .filter(
      ({ name, value }) =>
        name.toLowerCase() === 'set-cookie' && value.startsWith(`${sessionCookieName}=`),
    )
    .filter(({ value }) => !/max-age=0/i.test(value));
  expect(reissued).toEqual([]);
  await replay.close();
});

test('the user menu’s sign-out also stops a copied cookie from reading the session', async ({
  page,
  browser,
}) => {
  const user = await createUser('executive');
  await signInAndWait(page, user);
  const oldCookie = await sessionCookie(page.context());
  await page.getByRole('button', { name: `Account menu for ${user.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext(signedOut);
  await replay.addCookies([oldCookie]);
  expect(await (await replay.request.get('/api/auth/session')).json()).toBeNull();
  await expectExportRefused(replay.request);
  await replay.close();
});
