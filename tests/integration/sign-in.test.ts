import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, signInAttempts } from '@/db/schema';
import { authenticate, signInLimits } from '@/server/auth/sign-in';
import { createUser, findUser, testPassword } from '../support/factories';

let addressCounter = 0;
/** A client address of its own per test, so the per-address limit of one test does not touch another. */
const freshClient = () => {
  addressCounter += 1;
  return {
    rateLimitKey: `test-${addressCounter}-${Date.now()}`,
    reported: '192.0.2.10',
    forwardedFor: null,
  };
};

describe('signing in', () => {
  it('accepts the right password, case-insensitively for the e-mail, and records it', async () => {
    const user = await createUser({ email: 'Casey.Sign@Example.test' });
    const outcome = await authenticate(
      { email: 'casey.sign@example.TEST', password: testPassword },
      freshClient(),
    );
    expect(outcome).toMatchObject({ ok: true, user: { id: user.id, role: 'coordinator' } });
    expect((await findUser(user.id))?.lastSignInAt).toBeInstanceOf(Date);
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'auth.sign_in')));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.ip).toBe('192.0.2.10');
  });

  it('gives the same answer for a wrong password and an unknown e-mail', async () => {
    const user = await createUser();
    const wrong = await authenticate(
      { email: user.email, password: 'not-the-password' },
      freshClient(),
    );
    const unknown = await authenticate(
      { email: 'nobody@example.test', password: 'whatever-it-is' },
      freshClient(),
    );
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a deactivated user even with the right password', async () => {
    const user = await createUser({ active: false });
    expect(
      await authenticate({ email: user.email, password: testPassword }, freshClient()),
    ).toEqual({ ok: false, reason: 'invalid' });
  });

  it('writes failures to the audit log without the password', async () => {
    const user = await createUser();
    await authenticate({ email: user.email, password: 'secret-guess-123' }, freshClient());
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'auth.sign_in_failed')));
    expect(entry?.after).toMatchObject({ email: user.email, reason: 'wrong password' });
    expect(JSON.stringify(entry)).not.toContain('secret-guess-123');
    expect(JSON.stringify(entry)).not.toContain(user.passwordHash);
  });
});

describe('the sign-in rate limit', () => {
  it(`refuses an e-mail after ${signInLimits.failuresPerEmail} failures, even with the right password`, async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < signInLimits.failuresPerEmail; attempt += 1) {
      expect(
        await authenticate({ email: user.email, password: 'wrong-password' }, freshClient()),
      ).toMatchObject({ reason: 'invalid' });
    }
    const refused = await authenticate(
      { email: user.email, password: testPassword },
      freshClient(),
    );
    expect(refused).toEqual({ ok: false, reason: 'rate_limited' });
    // Refused tries do not count as guesses, so they cannot keep the limit going on their own.
    await authenticate({ email: user.email, password: testPassword }, freshClient());
    expect(await db.$count(signInAttempts, eq(signInAttempts.email, user.email))).toBe(
      signInLimits.failuresPerEmail,
    );
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'auth.sign_in_refused')));
    expect(audit).toHaveLength(2);
  });

  it('counts failures across parallel guesses without letting any slip past', async () => {
    const user = await createUser();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        authenticate({ email: user.email, password: 'parallel-guess' }, freshClient()),
      ),
    );
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === 'invalid')).toHaveLength(
      signInLimits.failuresPerEmail,
    );
    expect(
      outcomes.filter((outcome) => !outcome.ok && outcome.reason === 'rate_limited'),
    ).toHaveLength(3);
  });

  it('forgets earlier failures once the user signs in', async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < signInLimits.failuresPerEmail - 1; attempt += 1) {
      await authenticate({ email: user.email, password: 'wrong-password' }, freshClient());
    }
    expect(
      await authenticate({ email: user.email, password: testPassword }, freshClient()),
    ).toMatchObject({ ok: true });
    await authenticate({ email: user.email, password: 'wrong-again-1' }, freshClient());
    expect(
      await authenticate({ email: user.email, password: testPassword }, freshClient()),
    ).toMatchObject({ ok: true });
  });

  it('ignores failures older than the window', async () => {
    const user = await createUser();
    const old = new Date(Date.now() - (signInLimits.windowMinutes + 1) * 60_000);
    await db.insert(signInAttempts).values(
      Array.from({ length: 10 }, () => ({
        email: user.email,
        ip: 'old',
        succeeded: false,
        createdAt: old,
      })),
    );
    expect(
      await authenticate({ email: user.email, password: testPassword }, freshClient()),
    ).toMatchObject({ ok: true });
  });

  it(`refuses one client address after ${signInLimits.failuresPerIp} failures, whatever e-mail it tries`, async () => {
    const office = freshClient();
    await db.insert(signInAttempts).values(
      Array.from({ length: signInLimits.failuresPerIp }, (_, index) => ({
        email: `guess-${index}@example.test`,
        ip: office.rateLimitKey,
        succeeded: false,
      })),
    );
    const user = await createUser();
    expect(await authenticate({ email: user.email, password: testPassword }, office)).toEqual({
      ok: false,
      reason: 'rate_limited',
    });
    expect(
      await authenticate({ email: user.email, password: testPassword }, freshClient()),
    ).toMatchObject({ ok: true });
  });
});
