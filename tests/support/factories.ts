import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { hashPassword } from '@/server/auth/password';
import type { CurrentUser } from '@/server/auth/session';

export const testPassword = 'correct-horse-battery';

let cachedHash: Promise<string> | undefined;

/** Inserts a user; the password is `testPassword` unless `passwordHash` says otherwise. */
export async function createUser(
  overrides: Partial<typeof users.$inferInsert> & { role?: Role } = {},
) {
  cachedHash ??= hashPassword(testPassword);
  const unique = randomUUID().slice(0, 8);
  const [user] = await db
    .insert(users)
    .values({
      name: `Test ${overrides.role ?? 'coordinator'} ${unique}`,
      email: `user-${unique}@example.test`,
      role: 'coordinator',
      passwordHash: await cachedHash,
      ...overrides,
    })
    .returning();
  if (!user) throw new Error('user not created');
  return user;
}

/** The signed-in shape the app passes around, for a user row. */
export function asCurrentUser(user: typeof users.$inferSelect): CurrentUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    timeZone: user.timeZone,
    locale: user.locale,
    timeZoneChosen: user.timeZoneChosenAt !== null,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function createActor(role: Role) {
  return asCurrentUser(await createUser({ role }));
}

export async function findUser(id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user;
}

export async function auditEntriesFor(entityId: string) {
  return db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
}

/** The data of an action's result, or a failure naming the error when it was refused. */
export function expectOk<T>(result: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.data;
}
