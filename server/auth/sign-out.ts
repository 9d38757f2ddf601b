import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/server/audit/record-audit';
import type { ClientAddress } from './client-ip';
import { noteSessionVersion } from './session-cookie';

/**
 * Ends the session a cookie names by moving the user's session version on. A JWT cookie alone
 * cannot be taken back: a request already in flight when the user signs out (a prefetch, say)
 * can come back with a refreshed cookie, and without this it would sign them in again. A cookie
 * whose session already ended changes nothing. Whichever way the user signs out, next-auth's
 * sign-out event calls this (server/auth/config.ts).
 */
export async function revokeSessions(
  session: { userId: string; sessionVersion: number },
  client: ClientAddress | null,
) {
  const revoked = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, session.userId), eq(users.sessionVersion, session.sessionVersion)))
      .returning({ sessionVersion: users.sessionVersion });
    if (!row) return null;
    await recordAudit(tx, {
      actorId: session.userId,
      action: 'auth.sign_out',
      entityType: 'user',
      entityId: session.userId,
      ip: client?.reported ?? null,
      forwardedFor: client?.forwardedFor ?? null,
    });
    return row.sessionVersion;
  });
  if (revoked !== null) noteSessionVersion(session.userId, revoked);
}
