import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { db, type Transaction } from '@/db/client';
import { users, type User } from '@/db/schema';
import type { CompanySignInRefusal } from '@/lib/company-sign-in';
import { recordAudit } from '@/server/audit/record-audit';
import { readCompanySignInSettings } from '@/server/settings/queries';
import { auditView } from '@/server/users/insert-user';
import type { ClientAddress } from './client-ip';
import { lockPasswordTries, sessionUser, type SignInOutcome } from './sign-in';

/** What Accord reads from the company provider's ID token. */
export type CompanyClaims = {
  /** The provider's `sub`: stable for the person, unlike their e-mail. */
  subject: string;
  email: string | null | undefined;
  emailVerified: unknown;
  name: unknown;
};

export type CompanySignInOutcome =
  Extract<SignInOutcome, { ok: true }> | { ok: false; reason: CompanySignInRefusal };

const nameLength = 120;

/** The provider's name for the person, or the e-mail's local part when it sends none. */
function displayName(name: unknown, email: string) {
  const given = typeof name === 'string' ? name.trim().slice(0, nameLength) : '';
  return given || email.split('@')[0] || email;
}

async function subjectTakenByOther(tx: Transaction, subject: string, userId: string | null) {
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.companySignInSubject, subject), userId ? ne(users.id, userId) : undefined))
    .limit(1);
  return Boolean(other);
}

/**
 * Matches a company sign-in to an Accord user by its verified e-mail and links the provider's
 * subject to that user the first time; later sign-ins must carry the same subject. An unknown
 * e-mail is refused unless a manager lets company sign-in create users. The outcome, its audit
 * entry and any new user commit in one transaction.
 */
export async function authenticateCompanyUser(
  claims: CompanyClaims,
  client: ClientAddress,
): Promise<CompanySignInOutcome> {
  const email = claims.email?.trim().toLowerCase() ?? '';
  const audited = { email, method: 'company' };
  const { forwardedFor } = client;
  return db.transaction(async (tx) => {
    const refuse = async (reason: CompanySignInRefusal, user: Pick<User, 'id'> | null) => {
      await recordAudit(tx, {
        actorId: user?.id ?? null,
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { ...audited, reason },
        ip: client.reported,
        forwardedFor,
      });
      return { ok: false as const, reason };
    };

    // Only an e-mail the provider vouches for can name an Accord user.
    if (!email || claims.emailVerified !== true) return refuse('unverified', null);
    await lockPasswordTries(tx, email);
    const [known] = await tx
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1);

    let user: User;
    if (known) {
      if (known.companySignInSubject && known.companySignInSubject !== claims.subject)
        return refuse('subject_mismatch', known);
      if (!known.active) return refuse('deactivated', known);
      if (await subjectTakenByOther(tx, claims.subject, known.id))
        return refuse('subject_mismatch', known);
      const [updated] = await tx
        .update(users)
        .set({ companySignInSubject: claims.subject, lastSignInAt: new Date() })
        .where(eq(users.id, known.id))
        .returning();
      user = updated ?? known;
    } else {
      const settings = await readCompanySignInSettings(tx);
      if (!settings.createUsers) return refuse('unknown', null);
      if (await subjectTakenByOther(tx, claims.subject, null))
        return refuse('subject_mismatch', null);
      const [created] = await tx
        .insert(users)
        .values({
          name: displayName(claims.name, email),
          email,
          role: settings.defaultRole,
          companySignInSubject: claims.subject,
          lastSignInAt: new Date(),
        })
        .returning();
      if (!created) throw new Error('The new user was not inserted.');
      user = created;
      await recordAudit(tx, {
        actorId: null,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        after: { ...auditView(user), via: 'company sign-in' },
        ip: client.reported,
        forwardedFor,
      });
    }

    await recordAudit(tx, {
      actorId: user.id,
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
      after: { method: 'company' },
      ip: client.reported,
      forwardedFor,
    });
    return { ok: true as const, user: sessionUser(user) };
  });
}

/** The active user a company subject is linked to: what the new session is issued for. */
export async function findCompanySignInUser(subject: string) {
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(and(eq(users.companySignInSubject, subject), eq(users.active, true)))
    .limit(1);
  return user ?? null;
}
