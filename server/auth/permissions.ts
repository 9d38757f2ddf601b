import 'server-only';
import type { Role } from '@/lib/roles';

/** The fields of a record that ownership rules look at; absent fields never match. */
export type OwnedRecord = {
  ownerId?: string | null;
  authorId?: string | null;
  reviewerId?: string | null;
  routedToId?: string | null;
  uploaderId?: string | null;
};

type Subject = { id: string; role: Role };

/** Conditions a record must meet for a role that may act only on some records. */
const conditions = {
  accountOwner: (user: Subject, record: OwnedRecord) => record.ownerId === user.id,
  author: (user: Subject, record: OwnedRecord) => record.authorId === user.id,
  notAuthor: (user: Subject, record: OwnedRecord) =>
    record.authorId !== undefined && record.authorId !== user.id,
  assignedReviewer: (user: Subject, record: OwnedRecord) => record.reviewerId === user.id,
  routedTo: (user: Subject, record: OwnedRecord) => record.routedToId === user.id,
  routedToOrAccountOwner: (user: Subject, record: OwnedRecord) =>
    record.routedToId === user.id || record.ownerId === user.id,
  uploader: (user: Subject, record: OwnedRecord) => record.uploaderId === user.id,
} as const;

type Condition = keyof typeof conditions;
/** `true`: always; `false`: never; a list: only on records that meet every condition. */
type Rule = boolean | readonly Condition[];

const everyone = { coordinator: true, executive: true, manager: true } as const;
const managersOnly = { coordinator: false, executive: false, manager: true } as const;
const ownerOrManager = { coordinator: false, executive: ['accountOwner'], manager: true } as const;

/** DESIGN.md §1 as data: permission → role → rule. */
export const permissionMatrix = {
  'clients.read': everyone,
  'clients.write': everyone,
  'clients.reassign': ownerOrManager,
  // Not in DESIGN.md's table: a research note is its author's, and managers keep the registry tidy.
  'research.delete': { coordinator: ['author'], executive: ['author'], manager: true },
  'deals.write': everyone,
  'proposals.write': everyone,
  'proposals.submit': { coordinator: ['author'], executive: ['author'], manager: ['author'] },
  'proposals.review': {
    coordinator: false,
    executive: ['assignedReviewer', 'notAuthor'],
    manager: ['notAuthor'],
  },
  'templates.write': everyone,
  'templates.publish': managersOnly,
  'contracts.write': everyone,
  'contracts.sign': ownerOrManager,
  // File on any record the user sees; new versions of a file too.
  'documents.upload': everyone,
  // Soft-delete a file: its uploader, or a manager.
  'documents.delete': { coordinator: ['uploader'], executive: ['uploader'], manager: true },
  // Remove a deleted file and its stored bytes for good.
  'documents.purge': managersOnly,
  'invoices.draft': everyone,
  'invoices.issue': ownerOrManager,
  'feedback.write': everyone,
  'feedback.resolve': {
    coordinator: ['routedTo'],
    executive: ['routedToOrAccountOwner'],
    manager: true,
  },
  // Not in DESIGN.md's table: everyone reads and clears the notifications addressed to them.
  'notifications.own': everyone,
  'profile.own': everyone,
  // Save, rename and delete one's own views of a list, and choose the view a list opens with.
  'savedViews.own': everyone,
  // Share one's own view with the team, or stop sharing it.
  'savedViews.share': everyone,
  // Delete a view someone else shared with the team.
  'savedViews.deleteShared': managersOnly,
  'reports.own': everyone,
  'reports.book': { coordinator: false, executive: true, manager: true },
  'reports.team': managersOnly,
  'users.manage': managersOnly,
  'settings.manage': managersOnly,
  'auditLog.read': managersOnly,
} as const satisfies Record<string, Record<Role, Rule>>;

export type Permission = keyof typeof permissionMatrix;

/**
 * Whether `user` may do `permission`. Without a record, a conditional rule answers whether the
 * role may do it to some records (enough to show a screen); with one, whether it may do it to that
 * record. Pages, queries and actions all ask this one function.
 */
export function can(user: Subject, permission: Permission, record?: OwnedRecord): boolean {
  const rule: Rule = permissionMatrix[permission][user.role];
  if (typeof rule === 'boolean') return rule;
  if (!record) return true;
  return rule.every((condition) => conditions[condition](user, record));
}
