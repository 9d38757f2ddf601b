import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/roles';
import { can, permissionMatrix, type Permission } from '@/server/auth/permissions';

const me = 'user-me';
const other = 'user-other';
const user = (role: Role) => ({ id: me, role });

// DESIGN.md §1, written out cell by cell: what each role may do without a record in hand.
const roleLevel: Record<Permission, Record<Role, boolean>> = {
  'clients.read': { coordinator: true, executive: true, manager: true },
  'clients.write': { coordinator: true, executive: true, manager: true },
  'clients.reassign': { coordinator: false, executive: true, manager: true },
  'research.delete': { coordinator: true, executive: true, manager: true },
  'deals.write': { coordinator: true, executive: true, manager: true },
  'proposals.write': { coordinator: true, executive: true, manager: true },
  'proposals.submit': { coordinator: true, executive: true, manager: true },
  'proposals.review': { coordinator: false, executive: true, manager: true },
  'proposals.send': { coordinator: true, executive: true, manager: true },
  'proposals.withdraw': { coordinator: true, executive: true, manager: true },
  'proposals.shareLink': { coordinator: true, executive: true, manager: true },
  'templates.write': { coordinator: true, executive: true, manager: true },
  'templates.publish': { coordinator: false, executive: false, manager: true },
  'contracts.write': { coordinator: true, executive: true, manager: true },
  'contracts.sign': { coordinator: false, executive: true, manager: true },
  'campaigns.write': { coordinator: true, executive: true, manager: true },
  'documents.upload': { coordinator: true, executive: true, manager: true },
  'documents.delete': { coordinator: true, executive: true, manager: true },
  'documents.purge': { coordinator: false, executive: false, manager: true },
  'invoices.draft': { coordinator: true, executive: true, manager: true },
  'invoices.issue': { coordinator: false, executive: true, manager: true },
  'meetings.write': { coordinator: true, executive: true, manager: true },
  'feedback.write': { coordinator: true, executive: true, manager: true },
  'feedback.resolve': { coordinator: true, executive: true, manager: true },
  'tasks.write': { coordinator: true, executive: true, manager: true },
  'tasks.manage': { coordinator: true, executive: true, manager: true },
  'materials.write': { coordinator: true, executive: true, manager: true },
  'materials.approve': { coordinator: false, executive: true, manager: true },
  'notifications.own': { coordinator: true, executive: true, manager: true },
  'profile.own': { coordinator: true, executive: true, manager: true },
  'savedViews.own': { coordinator: true, executive: true, manager: true },
  'savedViews.share': { coordinator: true, executive: true, manager: true },
  'savedViews.deleteShared': { coordinator: false, executive: false, manager: true },
  'reports.own': { coordinator: true, executive: true, manager: true },
  'reports.book': { coordinator: false, executive: true, manager: true },
  'reports.team': { coordinator: false, executive: false, manager: true },
  'reports.schedule': { coordinator: false, executive: false, manager: true },
  'users.manage': { coordinator: false, executive: false, manager: true },
  'settings.manage': { coordinator: false, executive: false, manager: true },
  'companySignIn.manage': { coordinator: false, executive: false, manager: true },
  'auditLog.read': { coordinator: false, executive: false, manager: true },
};

describe('the permission matrix', () => {
  it('covers exactly the permissions the design lists', () => {
    expect(Object.keys(permissionMatrix).sort()).toEqual(Object.keys(roleLevel).sort());
  });

  for (const [permission, byRole] of Object.entries(roleLevel) as [
    Permission,
    Record<Role, boolean>,
  ][]) {
    for (const [role, allowed] of Object.entries(byRole) as [Role, boolean][]) {
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        expect(can(user(role), permission)).toBe(allowed);
      });
    }
  }
});

describe('record-level rules', () => {
  it('lets an executive reassign, sign and issue only on accounts they own', () => {
    for (const permission of ['clients.reassign', 'contracts.sign', 'invoices.issue'] as const) {
      expect(can(user('executive'), permission, { ownerId: me })).toBe(true);
      expect(can(user('executive'), permission, { ownerId: other })).toBe(false);
      expect(can(user('manager'), permission, { ownerId: other })).toBe(true);
      expect(can(user('coordinator'), permission, { ownerId: me })).toBe(false);
    }
  });

  it('lets research notes be deleted by their author, or by a manager', () => {
    expect(can(user('coordinator'), 'research.delete', { authorId: me })).toBe(true);
    expect(can(user('executive'), 'research.delete', { authorId: other })).toBe(false);
    expect(can(user('manager'), 'research.delete', { authorId: other })).toBe(true);
  });

  it('lets a file be deleted by its uploader, or by a manager', () => {
    expect(can(user('coordinator'), 'documents.delete', { uploaderId: me })).toBe(true);
    expect(can(user('coordinator'), 'documents.delete', { uploaderId: other })).toBe(false);
    expect(can(user('executive'), 'documents.delete', { uploaderId: other })).toBe(false);
    expect(can(user('manager'), 'documents.delete', { uploaderId: other })).toBe(true);
  });

  it('lets only the author submit a proposal', () => {
    for (const role of ['coordinator', 'executive', 'manager'] as const) {
      expect(can(user(role), 'proposals.submit', { authorId: me })).toBe(true);
      expect(can(user(role), 'proposals.submit', { authorId: other })).toBe(false);
    }
  });

  it('never lets anyone review their own proposal', () => {
    expect(can(user('executive'), 'proposals.review', { authorId: me, reviewerId: me })).toBe(
      false,
    );
    expect(can(user('manager'), 'proposals.review', { authorId: me })).toBe(false);
  });

  it('lets an executive review only as the assigned reviewer, and a manager any other proposal', () => {
    expect(can(user('executive'), 'proposals.review', { authorId: other, reviewerId: me })).toBe(
      true,
    );
    expect(
      can(user('executive'), 'proposals.review', { authorId: other, reviewerId: 'someone' }),
    ).toBe(false);
    expect(
      can(user('manager'), 'proposals.review', { authorId: other, reviewerId: 'someone' }),
    ).toBe(true);
    expect(can(user('coordinator'), 'proposals.review', { authorId: other, reviewerId: me })).toBe(
      false,
    );
  });

  it('never lets anyone approve a material they requested or make; never a coordinator', () => {
    const others = { assigneeId: other, createdById: 'user-requester' };
    for (const role of ['executive', 'manager'] as const) {
      expect(can(user(role), 'materials.approve', others)).toBe(true);
      expect(can(user(role), 'materials.approve', { ...others, assigneeId: me })).toBe(false);
      expect(can(user(role), 'materials.approve', { ...others, createdById: me })).toBe(false);
    }
    expect(can(user('coordinator'), 'materials.approve', others)).toBe(false);
    // Without the authors in hand the rule never answers yes for a record.
    expect(can(user('manager'), 'materials.approve', { ownerId: other })).toBe(false);
  });

  it('lets the backup reviewer an overdue review was escalated to review it', () => {
    const escalated = { authorId: other, reviewerId: 'someone', backupReviewerId: me };
    expect(can(user('executive'), 'proposals.review', escalated)).toBe(true);
    expect(can(user('coordinator'), 'proposals.review', escalated)).toBe(false);
    expect(can(user('executive'), 'proposals.review', { ...escalated, authorId: me })).toBe(false);
  });

  it('lets the author, the account owner or a manager send, withdraw and share a proposal', () => {
    for (const permission of [
      'proposals.send',
      'proposals.withdraw',
      'proposals.shareLink',
    ] as const) {
      for (const role of ['coordinator', 'executive'] as const) {
        expect(can(user(role), permission, { authorId: me, ownerId: other })).toBe(true);
        expect(can(user(role), permission, { authorId: other, ownerId: me })).toBe(true);
        expect(can(user(role), permission, { authorId: other, ownerId: other })).toBe(false);
        expect(can(user(role), permission, { authorId: null, ownerId: null })).toBe(false);
      }
      expect(can(user('manager'), permission, { authorId: other, ownerId: other })).toBe(true);
    }
  });

  it('lets a task be managed by its assignee or creator, and any task by a manager', () => {
    for (const role of ['coordinator', 'executive'] as const) {
      expect(can(user(role), 'tasks.manage', { assigneeId: me, createdById: other })).toBe(true);
      expect(can(user(role), 'tasks.manage', { assigneeId: other, createdById: me })).toBe(true);
      expect(can(user(role), 'tasks.manage', { assigneeId: other, createdById: other })).toBe(
        false,
      );
    }
    expect(can(user('manager'), 'tasks.manage', { assigneeId: other, createdById: other })).toBe(
      true,
    );
  });

  it('lets feedback be resolved by whom it is routed to, an owning executive, or a manager', () => {
    expect(can(user('coordinator'), 'feedback.resolve', { routedToId: me })).toBe(true);
    expect(can(user('coordinator'), 'feedback.resolve', { routedToId: other, ownerId: me })).toBe(
      false,
    );
    expect(can(user('executive'), 'feedback.resolve', { routedToId: other, ownerId: me })).toBe(
      true,
    );
    expect(can(user('executive'), 'feedback.resolve', { routedToId: me, ownerId: other })).toBe(
      true,
    );
    expect(can(user('executive'), 'feedback.resolve', { routedToId: other, ownerId: other })).toBe(
      false,
    );
    expect(can(user('manager'), 'feedback.resolve', { routedToId: other, ownerId: other })).toBe(
      true,
    );
  });

  it('keeps role-wide refusals when a record is given', () => {
    expect(can(user('coordinator'), 'users.manage', { ownerId: me })).toBe(false);
    expect(can(user('executive'), 'templates.publish', { authorId: me })).toBe(false);
  });
});
