import { z } from 'zod';
import { roles } from '@/lib/roles';
import { listParamsSchema } from './list-params';

const userSortColumns = ['name', 'email', 'role', 'active', 'lastSignInAt'] as const;
export const userListSchema = listParamsSchema(userSortColumns, {
  sort: 'name',
  dir: 'asc',
}).extend({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
});
export type UserListParams = z.infer<typeof userListSchema>;

const auditSortColumns = ['createdAt'] as const;
const isoDate = z.iso.date().optional().catch(undefined);
export const auditListSchema = listParamsSchema(auditSortColumns, {
  sort: 'createdAt',
  dir: 'desc',
}).extend({
  actor: z.uuid().optional().catch(undefined),
  action: z.string().trim().max(64).optional().catch(undefined),
  from: isoDate,
  to: isoDate,
});
export type AuditListParams = z.infer<typeof auditListSchema>;
