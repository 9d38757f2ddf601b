import 'server-only';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '@/db/client';
import { signInAttempts, users, type User } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { signInSchema } from '@/lib/validation/users';
import { recordAudit } from '@/server/audit/record-audit';
import { readCompanySignInSettings } from '@/server/settings/queries';
import type { ClientAddress } from './client-ip';
import { companySignInConfig } from './company-sign-in-config';
import { verifyPassword } from './password';

export const signInLimits = {
  windowMinutes: 15,
  failuresPerEmail: 5,
  failuresPerIp: 50,
} as const;

export type SignInOutcome =
  | {
      ok: true;
      user: { id: string; name: string; email: string; role: Role; sessionVersion: number };
    }
  | { ok: false; reason: SignInRefusal };

type SignInRefusal = 'invalid' | 'rate_limited' | 'company_sign_in_required';

/**
 * Whether a manager requires company sign-in of `role`, so its password is refused: managers keep
 * theirs, and without a configured provider passwords stay the way in.
 */
export async function requiresCompanySignIn(executor: Executor, role: Role) {
  if (role === 'manager' || !companySignInConfig()) return false;
  return (await readCompanySignInSettings(executor)).required;
}

/** What a new session is issued for: the fields the session cookie's claims come from. */
export function sessionUser(user: Pick<User, 'id' | 'name' | 'email' | 'role' | 'sessionVersion'>) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    sessionVersion: user.sessionVersion,
  };
}

/** Serialises password tries for one e-mail, so parallel guesses cannot slip past the limit. */
export async function lockPasswordTries(tx: Transaction, email: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'sign-in:' + email}))`);
}

/** Wrong passwords for `email` within the window since its last sign-in. */
export async function recentPasswordFailures(tx: Transaction, email: string) {
  const since = new Date(Date.now() - signInLimits.windowMinutes * 60_000);
  const lastSuccess = tx
    .select({ at: sql`max(${signInAttempts.createdAt})` })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.succeeded, true)));
  const [row] = await tx
    .select({ n: count() })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, email),
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.createdAt, since),
        sql`${signInAttempts.createdAt} > coalesce((${lastSuccess}), '-infinity'::timestamptz)`,
      ),
    );
  return row?.n ?? 0;
}

/**
 * Checks an e-mail and password under the rate limit and records the attempt and its audit entry
 * in one transaction. Tries for one e-mail are serialised by an advisory lock, so parallel guesses
 * cannot slip past the limit.
 */
export async function authenticate(
  credentials: Partial<Record<'email' | 'password', unknown>>,
  client: ClientAddress,
): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;
  const ip = client.rateLimitKey;
  const { forwardedFor } = client;

  return db.transaction(async (tx) => {
    await lockPasswordTries(tx, email);
    const since = new Date(Date.now() - signInLimits.windowMinutes * 60_000);
    const [emailFailures, [ipFailures]] = await Promise.all([
      recentPasswordFailures(tx, email),
      tx
        .select({ n: count() })
        .from(signInAttempts)
        .where(
          and(
            eq(signInAttempts.ip, ip),
            eq(signInAttempts.succeeded, false),
            gt(signInAttempts.createdAt, since),
          ),
        ),
    ]);
    const [user] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1);

    const fail = async (reason: SignInRefusal, detail: string) => {
      // Only real guesses count: tries refused by the limit do not prolong it.
      if (reason === 'invalid')
        await tx.insert(signInAttempts).values({ email, ip, forwardedFor, succeeded: false });
      await recordAudit(tx, {
        actorId: user?.id ?? null,
        action: reason === 'invalid' ? 'auth.sign_in_failed' : 'auth.sign_in_refused',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { email, reason: detail },
        ip: client.reported,
        forwardedFor,
      });
      return { ok: false as const, reason };
    };

    if (
      emailFailures >= signInLimits.failuresPerEmail ||
      (ipFailures?.n ?? 0) >= signInLimits.failuresPerIp
    ) {
      return fail('rate_limited', 'too many failed attempts');
    }
    const passwordMatches = await verifyPassword(user?.passwordHash, password);
    if (!user || !passwordMatches)
      return fail('invalid', user ? 'wrong password' : 'unknown email');
    if (!user.active) return fail('invalid', 'deactivated');
    if (await requiresCompanySignIn(tx, user.role))
      return fail('company_sign_in_required', 'company sign-in required');

    await tx.insert(signInAttempts).values({ email, ip, forwardedFor, succeeded: true });
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorId: user.id,
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
      ip: client.reported,
      forwardedFor,
    });
    return { ok: true as const, user: sessionUser(user) };
  });
}
