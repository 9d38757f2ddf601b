import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/server/audit/record-audit';

/**
 * Ends the user's sessions on the server by moving their session version on. A JWT cookie alone
 * cannot be taken back: a request already in flight when the user signs out (a prefetch, say)
 * can come back with a refreshed cookie, and without this it would sign them in again.
 */
export async function revokeSessions(userId: string, ip: string | null) {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: userId,
      action: 'auth.sign_out',
      entityType: 'user',
      entityId: userId,
      ip,
    });
  });
}
