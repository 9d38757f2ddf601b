import 'server-only';
import type { Role } from '@/lib/roles';

/** The fields of a record that ownership rules look at; absent fields never match. */
export type OwnedRecord = {
  ownerId?: string | null;
  authorId?: string | null;
  reviewerId?: string | null;
  /** The reviewer a review was escalated to once overdue. */
  backupReviewerId?: string | null;
  routedToId?: string | null;
  assigneeId?: string | null;
  createdById?: string | null;
  uploaderId?: string | null;
};

type Subject = { id: string; role: Role };

/** Conditions a record must meet for a role that may act only on some records. */
const conditions = {
  accountOwner: (user: Subject, record: OwnedRecord) => record.ownerId === user.id,
  author: (user: Subject, record: OwnedRecord) => record.authorId === user.id,
  notAuthor: (user: Subject, record: OwnedRecord) =>
    record.authorId !== undefined && record.authorId !== user.id,
  authorOrAccountOwner: (user: Subject, record: OwnedRecord) =>
    record.authorId === user.id || record.ownerId === user.id,
  assignedOrBackupReviewer: (user: Subject, record: OwnedRecord) =>
    record.reviewerId === user.id || record.backupReviewerId === user.id,
  routedTo: (user: Subject, record: OwnedRecord) => record.routedToId === user.id,
  routedToOrAccountOwner: (user: Subject, record: OwnedRecord) =>
    record.routedToId === user.id || record.ownerId === user.id,
  assigneeOrCreator: (user: Subject, record: OwnedRecord) =>
    record.assigneeId === user.id || record.createdById === user.id,
  uploader: (user: Subject, record: OwnedRecord) => record.uploaderId === user.id,
  // A material's authors are whoever produces it (its assignee) and whoever asked for it.
  notMaterialAuthor: (user: Subject, record: OwnedRecord) =>
    record.assigneeId !== undefined &&
    record.createdById !== undefined &&
    record.assigneeId !== user.id &&
    record.createdById !== user.id,
} as const;

type Condition = keyof typeof conditions;
/** `true`: always; `false`: never; a list: only on records that meet every condition. */
type Rule = boolean | readonly Condition[];

const everyone = { coordinator: true, executive: true, manager: true } as const;
const managersOnly = { coordinator: false, executive: false, manager: true } as const;
const ownerOrManager = { coordinator: false, executive: ['accountOwner'], manager: true } as const;
const authorOwnerOrManager = {
  coordinator: ['authorOrAccountOwner'],
  executive: ['authorOrAccountOwner'],
  manager: true,
} as const;

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
    executive: ['assignedOrBackupReviewer', 'notAuthor'],
    manager: ['notAuthor'],
  },
  // Not in DESIGN.md's table: sending, withdrawing and the client link belong to whoever answers
  // for the proposal: its author, the account owner, or a manager. A proposal record carries the
  // account owner in `ownerId`.
  'proposals.send': authorOwnerOrManager,
  'proposals.withdraw': authorOwnerOrManager,
  // Make a new client link for a sent proposal, or revoke the link.
  'proposals.shareLink': authorOwnerOrManager,
  'templates.write': everyone,
  'templates.publish': managersOnly,
  'contracts.write': everyone,
  'contracts.sign': ownerOrManager,
  // Create and edit campaigns, their budget entries and their links to deals and meetings.
  'campaigns.write': everyone,
  // File on any record the user sees; new versions of a file too.
  'documents.upload': everyone,
  // Soft-delete a file: its uploader, or a manager.
  'documents.delete': { coordinator: ['uploader'], executive: ['uploader'], manager: true },
  // Remove a deleted file and its stored bytes for good.
  'documents.purge': managersOnly,
  'invoices.draft': everyone,
  'invoices.issue': ownerOrManager,
  'meetings.write': everyone,
  'feedback.write': everyone,
  'feedback.resolve': {
    coordinator: ['routedTo'],
    executive: ['routedToOrAccountOwner'],
    manager: true,
  },
  // Create tasks and assign them to anyone on the team.
  'tasks.write': everyone,
  // Complete, reopen or reassign a task: its assignee or whoever created it; managers any task.
  'tasks.manage': {
    coordinator: ['assigneeOrCreator'],
    executive: ['assigneeOrCreator'],
    manager: true,
  },
  // Request materials, edit their brief, assign them, move them through production, upload files,
  // and attach ready ones to proposals and meetings.
  'materials.write': everyone,
  // Approve a material in review (ready) or send it back: never its requester (`createdById`) nor
  // its assignee, who produced it; an executive may review any other, as there is no reviewer
  // assignment for materials.
  'materials.approve': {
    coordinator: false,
    executive: ['notMaterialAuthor'],
    manager: ['notMaterialAuthor'],
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
  // Not in DESIGN.md's table beyond "a manager can schedule a report": list, pause and delete too.
  'reports.schedule': managersOnly,
  'users.manage': managersOnly,
  'settings.manage': managersOnly,
  // Whether company sign-in creates users, with which role, and whether it replaces passwords.
  'companySignIn.manage': managersOnly,
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
