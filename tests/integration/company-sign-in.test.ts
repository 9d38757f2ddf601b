import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/client';
import { auditLog, settings, users } from '@/db/schema';
import { executeAction } from '@/server/action';
import { authenticateCompanyUser, findCompanySignInUser } from '@/server/auth/company-sign-in';
import { authenticate } from '@/server/auth/sign-in';
import { setCompanySignInSettingsCommand } from '@/server/settings/commands';
import { companySignInSettingsKey } from '@/server/settings/queries';
import { usesPassword } from '@/server/profile/queries';
import {
  asCurrentUser,
  auditEntriesFor,
  createActor,
  createUser,
  findUser,
  testPassword,
} from '../support/factories';

const client = { rateLimitKey: 'company-sign-in-test', reported: '192.0.2.20', forwardedFor: null };

/** The ID token's claims for `email`, verified unless told otherwise. */
const claims = (
  email: string,
  overrides: Partial<Parameters<typeof authenticateCompanyUser>[0]> = {},
) => ({
  subject: `sub-${randomUUID()}`,
  email,
  emailVerified: true,
  name: 'Robin Company',
  ...overrides,
});

async function saveSettings(form: Record<string, string>) {
  const manager = await createActor('manager');
  return executeAction(setCompanySignInSettingsCommand, manager, {
    defaultRole: 'coordinator',
    ...form,
  });
}

beforeEach(() => {
  vi.stubEnv('OIDC_ISSUER', 'http://127.0.0.1:9/issuer');
  vi.stubEnv('OIDC_CLIENT_ID', 'accord');
  vi.stubEnv('OIDC_CLIENT_SECRET', 'client-secret');
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await db.delete(settings).where(eq(settings.key, companySignInSettingsKey));
});

describe('matching a company sign-in to a user', () => {
  it('signs in a known active user by verified e-mail, in any case, and links the subject', async () => {
    const user = await createUser({ email: 'Known.Person@Example.test' });
    const first = claims('known.person@EXAMPLE.test');

    const outcome = await authenticateCompanyUser(first, client);

    expect(outcome).toMatchObject({ ok: true, user: { id: user.id, role: 'coordinator' } });
    const stored = await findUser(user.id);
    expect(stored?.companySignInSubject).toBe(first.subject);
    expect(stored?.lastSignInAt).toBeInstanceOf(Date);
    expect(await findCompanySignInUser(first.subject)).toMatchObject({ id: user.id });
    const entries = await auditEntriesFor(user.id);
    expect(entries.map((entry) => entry.action)).toContain('auth.sign_in');
    expect(entries.find((entry) => entry.action === 'auth.sign_in')?.ip).toBe('192.0.2.20');

    // The same subject signs in again; another subject with the same e-mail is refused.
    expect(await authenticateCompanyUser({ ...first }, client)).toMatchObject({ ok: true });
    expect(await authenticateCompanyUser(claims(user.email), client)).toEqual({
      ok: false,
      reason: 'subject_mismatch',
    });
    expect((await findUser(user.id))?.companySignInSubject).toBe(first.subject);
  });

  it('refuses an e-mail the provider has not verified, and links nothing', async () => {
    const user = await createUser();
    for (const emailVerified of [false, undefined, 'true']) {
      expect(await authenticateCompanyUser(claims(user.email, { emailVerified }), client)).toEqual({
        ok: false,
        reason: 'unverified',
      });
    }
    expect(await authenticateCompanyUser(claims('', { email: undefined }), client)).toEqual({
      ok: false,
      reason: 'unverified',
    });
    expect((await findUser(user.id))?.companySignInSubject).toBeNull();
  });

  it('refuses a deactivated user, and their linked subject no longer finds them', async () => {
    const user = await createUser();
    const first = claims(user.email);
    expect(await authenticateCompanyUser(first, client)).toMatchObject({ ok: true });
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));

    expect(await authenticateCompanyUser(first, client)).toEqual({
      ok: false,
      reason: 'deactivated',
    });
    expect(await findCompanySignInUser(first.subject)).toBeNull();
    const [refusal] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'auth.sign_in_failed')));
    expect(refusal?.after).toMatchObject({ reason: 'deactivated', method: 'company' });
  });

  it('refuses a subject already linked to another user', async () => {
    const first = await createUser();
    const second = await createUser();
    const shared = claims(first.email);
    expect(await authenticateCompanyUser(shared, client)).toMatchObject({ ok: true });
    expect(await authenticateCompanyUser({ ...shared, email: second.email }, client)).toEqual({
      ok: false,
      reason: 'subject_mismatch',
    });
    expect((await findUser(second.id))?.companySignInSubject).toBeNull();
  });

  it('refuses an unknown e-mail and creates nobody while the setting is off', async () => {
    const email = `unknown-${randomUUID().slice(0, 8)}@example.test`;
    expect(await authenticateCompanyUser(claims(email), client)).toEqual({
      ok: false,
      reason: 'unknown',
    });
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    expect(row?.n).toBe(0);
  });

  it('creates an unknown user with the default role when a manager allows it', async () => {
    expect(await saveSettings({ createUsers: 'on', defaultRole: 'executive' })).toMatchObject({
      ok: true,
    });
    const email = `new-${randomUUID().slice(0, 8)}@example.test`;
    const first = claims(email.toUpperCase(), { name: '  Nova Newcomer  ' });

    const outcome = await authenticateCompanyUser(first, client);

    expect(outcome).toMatchObject({
      ok: true,
      user: { email, role: 'executive', name: 'Nova Newcomer' },
    });
    if (!outcome.ok) return;
    const created = await findUser(outcome.user.id);
    expect(created).toMatchObject({
      passwordHash: null,
      companySignInSubject: first.subject,
      active: true,
    });
    const actions = (await auditEntriesFor(outcome.user.id)).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['user.created', 'auth.sign_in']));
    // Without a name claim the e-mail's local part names them.
    const nameless = await authenticateCompanyUser(
      claims('quiet.one@example.test', { name: null }),
      client,
    );
    expect(nameless).toMatchObject({ ok: true, user: { name: 'quiet.one' } });
  });
});

describe('company sign-in settings', () => {
  it('are a manager’s alone, audited, and refused with a clear message on bad input', async () => {
    for (const role of ['coordinator', 'executive'] as const) {
      const actor = await createActor(role);
      expect(
        await executeAction(setCompanySignInSettingsCommand, actor, {
          createUsers: 'on',
          defaultRole: 'manager',
        }),
      ).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(await saveSettings({ defaultRole: 'owner' })).toMatchObject({
      ok: false,
      fieldErrors: { defaultRole: ['Choose a role.'] },
    });
    const [untouched] = await db
      .select()
      .from(settings)
      .where(eq(settings.key, companySignInSettingsKey));
    expect(untouched).toBeUndefined();

    expect(await saveSettings({ createUsers: 'on', required: 'on' })).toMatchObject({
      ok: true,
      data: { createUsers: true, defaultRole: 'coordinator', required: true },
    });
    expect(await auditEntriesFor(companySignInSettingsKey)).toContainEqual(
      expect.objectContaining({
        action: 'settings.updated',
        before: { createUsers: false, defaultRole: 'coordinator', required: false },
        after: { createUsers: true, defaultRole: 'coordinator', required: true },
      }),
    );
  });

  it('cannot require company sign-in while no provider is configured', async () => {
    vi.unstubAllEnvs();
    vi.stubEnv('OIDC_ISSUER', '');
    expect(await saveSettings({ required: 'on' })).toMatchObject({
      ok: false,
      fieldErrors: { required: [expect.stringContaining('OIDC_ISSUER')] },
    });
  });

  it('when required, refuses passwords of everyone but managers and hides their password form', async () => {
    const coordinator = await createUser({ role: 'coordinator' });
    const manager = await createUser({ role: 'manager' });
    expect(await saveSettings({ required: 'on' })).toMatchObject({ ok: true });

    expect(
      await authenticate({ email: coordinator.email, password: testPassword }, client),
    ).toEqual({
      ok: false,
      reason: 'company_sign_in_required',
    });
    expect(
      await authenticate({ email: manager.email, password: testPassword }, client),
    ).toMatchObject({ ok: true });
    expect(await usesPassword(asCurrentUser(coordinator))).toBe(false);
    expect(await usesPassword(asCurrentUser(manager))).toBe(true);

    // Without a provider configured, passwords are the way in again.
    vi.stubEnv('OIDC_ISSUER', '');
    expect(
      await authenticate({ email: coordinator.email, password: testPassword }, client),
    ).toMatchObject({
      ok: true,
    });
  });
});
