import { describe, expect, it } from 'vitest';
import {
  addUserSchema,
  changeRoleSchema,
  setPasswordSchema,
  signInSchema,
} from '@/lib/validation/users';
import { userListSchema } from '@/lib/validation/admin';
import { safeRedirectPath } from '@/lib/safe-redirect';

const valid = {
  passwordMode: 'temporary',
  name: 'Ada Lovelace',
  email: 'Ada@Example.com',
  role: 'executive',
  timeZone: 'Europe/London',
  password: 'analytical-engine',
};

function fieldErrors(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
  );
}

describe('adding a user', () => {
  it('accepts a complete form and normalises the e-mail', () => {
    const parsed = addUserSchema.parse(valid);
    expect(parsed.email).toBe('ada@example.com');
  });

  it('accepts a one-time-link user without a password', () => {
    expect(
      addUserSchema.safeParse({ ...valid, passwordMode: 'link', password: undefined }).success,
    ).toBe(true);
  });

  it.each([
    ['an empty name', { name: '   ' }, 'name', 'Enter a name.'],
    ['an over-long name', { name: 'x'.repeat(121) }, 'name', 'Use at most 120 characters.'],
    ['a malformed e-mail', { email: 'not-an-email' }, 'email', 'Enter a valid email address.'],
    ['an invalid role', { role: 'owner' }, 'role', 'Choose a valid role.'],
    [
      'an unknown time zone',
      { timeZone: 'Mars/Olympus_Mons' },
      'timeZone',
      'Choose a time zone from the list.',
    ],
    [
      'an offset instead of a zone',
      { timeZone: '+01:00' },
      'timeZone',
      'Choose a time zone from the list.',
    ],
    ['a short password', { password: 'short1' }, 'password', 'Use at least 8 characters.'],
    [
      'a common password',
      { password: 'Password123' },
      'password',
      'This password is too common. Choose one that is harder to guess.',
    ],
  ])('refuses %s', (_label, change, field, message) => {
    const result = addUserSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(fieldErrors(result)[field]).toBe(message);
  });

  it('stores a time zone typed in another case under its IANA name', () => {
    const parsed = addUserSchema.safeParse({ ...valid, timeZone: 'pacific/auckland' });
    expect(parsed.success && parsed.data.timeZone).toBe('Pacific/Auckland');
  });

  it('refuses an unknown password mode', () => {
    expect(addUserSchema.safeParse({ ...valid, passwordMode: 'email' }).success).toBe(false);
  });
});

describe('other forms', () => {
  it('refuses a role change to a role that does not exist', () => {
    expect(changeRoleSchema.safeParse({ userId: crypto.randomUUID(), role: 'admin' }).success).toBe(
      false,
    );
  });

  it('requires matching passwords on the set-password form', () => {
    const result = setPasswordSchema.safeParse({
      token: 'x'.repeat(43),
      password: 'long-enough-pass',
      confirmPassword: 'different-pass',
    });
    expect(fieldErrors(result).confirmPassword).toBe('The passwords do not match.');
  });

  it('requires a password to sign in', () => {
    expect(signInSchema.safeParse({ email: 'a@b.co', password: '' }).success).toBe(false);
  });
});

describe('list parameters from the URL', () => {
  it('falls back to defaults instead of trusting unknown sort columns or sizes', () => {
    const params = userListSchema.parse({
      sort: 'password_hash',
      dir: 'sideways',
      size: '1000',
      page: '-3',
    });
    expect(params).toMatchObject({ sort: 'name', dir: 'asc', size: 25, page: 1 });
  });

  it('keeps valid values', () => {
    expect(
      userListSchema.parse({
        sort: 'lastSignInAt',
        dir: 'desc',
        size: '50',
        page: '3',
        role: 'manager',
      }),
    ).toMatchObject({
      sort: 'lastSignInAt',
      dir: 'desc',
      size: 50,
      page: 3,
      role: 'manager',
    });
  });
});

describe('the redirect after signing in', () => {
  it.each([
    ['/admin/users?page=2', '/admin/users?page=2'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    [undefined, '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});
