import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { roles } from '@/lib/roles';
import { executeAction } from '@/server/action';
import { authenticate, signInLimits } from '@/server/auth/sign-in';
import {
  changePasswordCommand,
  chooseTimeZoneCommand,
  updateProfileCommand,
} from '@/server/profile/commands';
import { createClientCommand } from '@/server/clients/commands';
import {
  asCurrentUser,
  auditEntriesFor,
  createActor,
  createUser,
  findUser,
  testPassword,
} from '../support/factories';
import { clientForm, createClientRecord } from '../support/client-factories';
import {
  encodeSessionCookie,
  sessionCookieName as cookieName,
  sessionTestSecret as secret,
} from '../support/session-cookie';

process.env.AUTH_SECRET = secret;

// The request's cookies as next/headers gives them to a server action, and what it sets.
const jar = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) =>
      name === cookieName && jar.token ? { name, value: jar.token } : undefined,
    set: (name: string, value: string) => {
      if (name === cookieName) jar.token = value;
    },
  }),
  headers: async () => new Headers(),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { getCurrentUser, getUserForRoute } = await import('@/server/auth/session');
const { changePassword } = await import('@/server/profile/actions');
const { search, searchClientChoices } = await import('@/server/search/actions');

function formData(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const client = () => ({ rateLimitKey: randomUUID(), reported: null, forwardedFor: null });

const profileInput = {
  name: 'Aroha Tane',
  timeZone: 'Pacific/Auckland',
  locale: 'en-GB',
  workingHoursStart: '08:30',
  workingHoursEnd: '16:30',
  workingDay1: 'on',
  workingDay2: 'on',
  workingDay4: 'on',
};

const passwordChange = {
  currentPassword: testPassword,
  password: 'a-brand-new-passphrase',
  confirmPassword: 'a-brand-new-passphrase',
};

beforeEach(() => {
  jar.token = undefined;
});

describe('editing your profile', () => {
  for (const role of roles) {
    it(`saves a ${role}'s own name, zone, format and working week, with an audit entry`, async () => {
      const user = await createUser({ role });
      const result = await executeAction(updateProfileCommand, asCurrentUser(user), profileInput);
      expect(result).toEqual({ ok: true, data: { id: user.id } });
      expect(await findUser(user.id)).toMatchObject({
        name: 'Aroha Tane',
        timeZone: 'Pacific/Auckland',
        locale: 'en-GB',
        workingHoursStart: '08:30:00',
        workingHoursEnd: '16:30:00',
        workingDays: [1, 2, 4],
        timeZoneChosenAt: expect.any(Date),
      });
      const [entry] = await auditEntriesFor(user.id);
      expect(entry).toMatchObject({
        action: 'user.profile_updated',
        actorId: user.id,
        before: { timeZone: 'UTC', locale: 'en-US', workingDays: [1, 2, 3, 4, 5] },
        after: { timeZone: 'Pacific/Auckland', workingDays: [1, 2, 4] },
      });
    });
  }

  it.each([
    ['an unknown time zone', { timeZone: 'Pacific/Atlantis' }, 'timeZone'],
    ['a UTC offset instead of a zone', { timeZone: 'UTC+13' }, 'timeZone'],
    ['a locale that is not offered', { locale: 'xx-XX' }, 'locale'],
    ['a day that ends before it starts', { workingHoursEnd: '07:00' }, 'workingHoursEnd'],
    ['a time that is not one', { workingHoursStart: '25:00' }, 'workingHoursStart'],
    ['no working day', { workingDay1: '', workingDay2: '', workingDay4: '' }, 'workingDays'],
  ])('refuses %s with a field error and changes nothing', async (_label, change, field) => {
    const user = await createUser();
    const input = Object.fromEntries(
      Object.entries({ ...profileInput, ...change }).filter(([, value]) => value !== ''),
    );
    const result = await executeAction(updateProfileCommand, asCurrentUser(user), input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]?.length).toBeGreaterThan(0);
    expect(await findUser(user.id)).toEqual(user);
    expect(await auditEntriesFor(user.id)).toEqual([]);
  });

  it('answers the browser-zone offer either way, which stops it being offered', async () => {
    const user = await createUser();
    const used = await executeAction(chooseTimeZoneCommand, asCurrentUser(user), {
      timeZone: 'America/Los_Angeles',
    });
    expect(used).toEqual({ ok: true, data: { timeZone: 'America/Los_Angeles' } });
    expect(await findUser(user.id)).toMatchObject({
      timeZone: 'America/Los_Angeles',
      timeZoneChosenAt: expect.any(Date),
    });
    const refused = await executeAction(chooseTimeZoneCommand, asCurrentUser(user), {
      timeZone: 'Nowhere/Special',
    });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { timeZone: expect.any(Array) } });
    expect((await findUser(user.id))?.timeZone).toBe('America/Los_Angeles');
  });

  it('refuses a caller with no session', async () => {
    const result = await executeAction(updateProfileCommand, null, profileInput);
    expect(result).toMatchObject({ ok: false, error: 'Your session has ended. Sign in again.' });
  });
});

describe('changing your password', () => {
  it('refuses a wrong current password and changes nothing', async () => {
    const user = await createUser();
    const result = await executeAction(changePasswordCommand, asCurrentUser(user), {
      ...passwordChange,
      currentPassword: 'not-my-password',
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: ['This is not your current password.'] },
    });
    expect(await findUser(user.id)).toEqual(user);
  });

  it('counts wrong current passwords against the sign-in limit and then refuses even the right one', async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < signInLimits.failuresPerEmail; attempt += 1) {
      const wrong = await executeAction(changePasswordCommand, asCurrentUser(user), {
        ...passwordChange,
        currentPassword: `wrong-${attempt}`,
      });
      expect(wrong).toMatchObject({
        ok: false,
        fieldErrors: { currentPassword: expect.any(Array) },
      });
    }
    const limited = await executeAction(changePasswordCommand, asCurrentUser(user), passwordChange);
    expect(limited).toMatchObject({
      ok: false,
      code: 'forbidden',
      error: /Too many wrong passwords/,
    });
    expect(await findUser(user.id)).toEqual(user);
    const signIn = await authenticate(
      { email: user.email, password: testPassword },
      { rateLimitKey: 'elsewhere', reported: null, forwardedFor: null },
    );
    expect(signIn).toEqual({ ok: false, reason: 'rate_limited' });
  });

  it.each([
    ['a common password', { password: 'password123', confirmPassword: 'password123' }, 'password'],
    ['a short one', { password: 'short', confirmPassword: 'short' }, 'password'],
    [
      'a confirmation that differs',
      { confirmPassword: 'something-else-entirely' },
      'confirmPassword',
    ],
    [
      'the current password again',
      { password: testPassword, confirmPassword: testPassword },
      'password',
    ],
  ])('refuses %s with the set-password rules', async (_label, change, field) => {
    const user = await createUser();
    const result = await executeAction(changePasswordCommand, asCurrentUser(user), {
      ...passwordChange,
      ...change,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.[field]?.length).toBeGreaterThan(0);
    expect(result.values).not.toHaveProperty('password');
    expect(result.values).not.toHaveProperty('currentPassword');
    expect(await findUser(user.id)).toEqual(user);
  });

  it('ends every other session and keeps this one', async () => {
    const user = await createUser({ role: 'executive' });
    const otherSession = await encodeSessionCookie(user);
    const thisSession = await encodeSessionCookie(user);
    jar.token = thisSession;

    const result = await changePassword(null, formData(passwordChange));
    expect(result).toEqual({ ok: true, data: null });

    // This browser got a re-issued cookie that still works…
    expect(jar.token).not.toBe(thisSession);
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
    // …while the other browser's, and this one's old cookie, no longer do.
    jar.token = otherSession;
    expect(await getCurrentUser()).toBeNull();
    jar.token = thisSession;
    expect(await getCurrentUser()).toBeNull();

    expect(
      await authenticate({ email: user.email, password: passwordChange.password }, client()),
    ).toMatchObject({ ok: true });
    expect(
      await authenticate({ email: user.email, password: testPassword }, client()),
    ).toMatchObject({ ok: false });
    const actions = (await auditEntriesFor(user.id)).map((entry) => entry.action);
    expect(actions).toContain('user.password_changed');
    expect(JSON.stringify(await auditEntriesFor(user.id))).not.toContain(passwordChange.password);
  });

  it('keeps the session signed out when the current password is wrong', async () => {
    const user = await createUser();
    const thisSession = await encodeSessionCookie(user);
    jar.token = thisSession;
    const result = await changePassword(
      null,
      formData({ ...passwordChange, currentPassword: 'wrong-guess-here' }),
    );
    expect(result.ok).toBe(false);
    expect(jar.token).toBe(thisSession);
    expect(await getCurrentUser()).toMatchObject({ id: user.id });
  });
});

describe('a temporary password', () => {
  it('allows nothing but choosing your own, which then opens everything', async () => {
    const user = await createUser({ role: 'manager', mustChangePassword: true });
    const actor = asCurrentUser(user);
    const blocked = 'Choose your own password before doing anything else.';
    expect(await executeAction(updateProfileCommand, actor, profileInput)).toEqual({
      ok: false,
      error: blocked,
    });
    expect(await executeAction(createClientCommand, actor, clientForm())).toEqual({
      ok: false,
      error: blocked,
    });
    expect(await findUser(user.id)).toEqual(user);

    const changed = await executeAction(changePasswordCommand, actor, passwordChange);
    expect(changed.ok).toBe(true);
    const after = await findUser(user.id);
    expect(after).toMatchObject({
      mustChangePassword: false,
      sessionVersion: user.sessionVersion + 1,
    });
    if (!after) return;
    expect((await executeAction(updateProfileCommand, asCurrentUser(after), profileInput)).ok).toBe(
      true,
    );
  });

  it('is reported by the current user, so every page can send them to choose one, and files refuse them', async () => {
    const user = await createUser({ mustChangePassword: true });
    jar.token = await encodeSessionCookie(user);
    expect(await getCurrentUser()).toMatchObject({ id: user.id, mustChangePassword: true });
    // Downloads and exports are not pages, so they refuse the user instead of redirecting.
    expect(await getUserForRoute()).toBeNull();
  });

  it('finds nothing in the search palette or the client pickers until they choose one', async () => {
    const name = `Quasar ${randomUUID().slice(0, 8)}`;
    await createClientRecord({ name });
    const user = await createUser({ mustChangePassword: true });
    jar.token = await encodeSessionCookie(user);
    expect(await search(name)).toEqual([]);
    expect(await searchClientChoices(name)).toEqual([]);

    const settled = await createUser({ mustChangePassword: false });
    jar.token = await encodeSessionCookie(settled);
    expect(JSON.stringify(await search(name))).toContain(name);
    expect(await searchClientChoices(name)).toEqual([expect.objectContaining({ name })]);
  });
});

describe('permissions', () => {
  it('only ever changes the signed-in user, whatever else the input names', async () => {
    const actor = await createActor('coordinator');
    const other = await createUser();
    const result = await executeAction(updateProfileCommand, actor, {
      ...profileInput,
      userId: other.id,
      id: other.id,
    });
    expect(result.ok).toBe(true);
    expect(await findUser(other.id)).toEqual(other);
    expect((await findUser(actor.id))?.name).toBe('Aroha Tane');
  });
});
