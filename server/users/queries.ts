import 'server-only';
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { forbidden, notFound } from 'next/navigation';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import type { UserListParams } from '@/lib/validation/admin';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { escapeLike } from '@/server/sql';

type UserRow = {
  id: string;
  name: string;
  email: string;
  role: CurrentUser['role'];
  active: boolean;
  lastSignInAt: Date | null;
};

const userRowColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
  lastSignInAt: users.lastSignInAt,
};

const sortColumns = {
  name: users.name,
  email: users.email,
  role: users.role,
  active: users.active,
  lastSignInAt: users.lastSignInAt,
} as const;

/** Users for Admin → Users: managers only; sorted, filtered and paged on the server. */
export async function listUsers(viewer: CurrentUser, params: UserListParams) {
  if (!can(viewer, 'users.manage')) forbidden();
  const filters: SQL[] = [];
  if (params.q) {
    const pattern = `%${escapeLike(params.q)}%`;
    const match = or(ilike(users.name, pattern), ilike(users.email, pattern));
    if (match) filters.push(match);
  }
  if (params.role) filters.push(eq(users.role, params.role));
  const where = filters.length ? and(...filters) : undefined;
  const direction = params.dir === 'asc' ? asc : desc;
  const sortColumn = sortColumns[params.sort];
  const [rows, [total]] = await Promise.all([
    db
      .select(userRowColumns)
      .from(users)
      .where(where)
      .orderBy(
        params.dir === 'asc'
          ? sql`${sortColumn} asc nulls first`
          : sql`${sortColumn} desc nulls last`,
        direction(users.id),
      )
      .limit(params.size)
      .offset((params.page - 1) * params.size),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows: rows satisfies UserRow[], total: total?.n ?? 0 };
}

/** One user for Admin → Users → detail: managers only; "not found" for an unknown id. */
export async function getUserById(viewer: CurrentUser, userId: string) {
  if (!can(viewer, 'users.manage')) forbidden();
  const [row] = await db
    .select({
      ...userRowColumns,
      timeZone: users.timeZone,
      createdAt: users.createdAt,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      setPasswordExpiresAt: users.setPasswordExpiresAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) notFound();
  return row;
}

/** Head counts for the manager's home page. */
export async function getUserCounts(viewer: CurrentUser) {
  if (!can(viewer, 'users.manage')) forbidden();
  const rows = await db
    .select({ role: users.role, active: users.active, n: count() })
    .from(users)
    .groupBy(users.role, users.active);
  const byRole = { coordinator: 0, executive: 0, manager: 0 };
  let inactive = 0;
  for (const row of rows) {
    if (row.active) byRole[row.role] += row.n;
    else inactive += row.n;
  }
  return { byRole, active: byRole.coordinator + byRole.executive + byRole.manager, inactive };
}

/** Everyone a manager can filter the audit log by. */
export async function listUserOptions(viewer: CurrentUser) {
  if (!can(viewer, 'users.manage')) forbidden();
  return db.select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.name));
}
