import 'server-only';
import type { Transaction } from '@/db/client';
import { users, type User } from '@/db/schema';
import type { AddUserInput } from '@/lib/validation/users';
import type { ActionContext } from '@/server/action';
import { hashPassword } from '@/server/auth/password';
import { conflict } from '@/server/errors';
import { createSetPasswordToken } from './set-password-token';

/** What the audit log keeps of a user: never a password, hash or token. */
export function auditView(user: Pick<User, 'name' | 'email' | 'role' | 'active'>) {
  return { name: user.name, email: user.email, role: user.role, active: user.active };
}

/**
 * Inserts a user with a temporary password or a one-time set-password link, and its audit entry.
 * Shared by Admin → Users and `npm run user:create`; a taken e-mail (any case) is refused.
 */
export async function insertUser(
  tx: Transaction,
  input: AddUserInput,
  audit: ActionContext['audit'],
) {
  const link = input.passwordMode === 'link' ? createSetPasswordToken() : null;
  const passwordHash =
    input.passwordMode === 'temporary' ? await hashPassword(input.password) : null;
  const [created] = await tx
    .insert(users)
    .values({
      name: input.name,
      email: input.email,
      role: input.role,
      timeZone: input.timeZone,
      passwordHash,
      // A password someone else chose is only for the first sign-in.
      mustChangePassword: input.passwordMode === 'temporary',
      setPasswordTokenHash: link?.hash ?? null,
      setPasswordExpiresAt: link?.expiresAt ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!created) {
    throw conflict('Check the highlighted fields.', {
      email: ['A user with this email already exists.'],
    });
  }
  await audit({
    action: 'user.created',
    entityType: 'user',
    entityId: created.id,
    after: auditView(created),
  });
  return { id: created.id, name: created.name, setPasswordToken: link?.token ?? null };
}
