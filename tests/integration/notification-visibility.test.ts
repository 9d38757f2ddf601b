import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, clients, notifications, proposals, settings } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { bulkReassignClientsCommand } from '@/server/clients/bulk';
import { reassignClientCommand } from '@/server/clients/commands';
import { escalateOverdueReviews } from '@/server/jobs/escalate-overdue-reviews';
import { deliverNotificationEmail } from '@/server/jobs/deliver-notification-emails';
import {
  markAllNotificationsReadCommand,
  markNotificationReadCommand,
} from '@/server/notifications/commands';
import type { MailMessage } from '@/server/notifications/email';
import { countUnreadNotifications, listNotifications } from '@/server/notifications/queries';
import { submitProposalCommand, updateProposalCommand } from '@/server/proposals/commands';
import { getReviewQueue } from '@/server/proposals/queries';
import { reviewSettingsKey } from '@/server/settings/queries';
import { setRecordVisibilityCommand } from '@/server/settings/commands';
import { changeRoleCommand } from '@/server/users/commands';
import { createActor, expectOk } from '../support/factories';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createNotification } from '../support/notification-factories';
import { createProposal, readProposal } from '../support/proposal-factories';

const now = new Date('2026-06-10T12:00:00Z');

async function setBackupReviewer(backupReviewerId: string | null) {
  const value = { reviewThresholdCents: 1_000_000, reviewDueHours: 24, backupReviewerId };
  await db
    .insert(settings)
    .values({ key: reviewSettingsKey, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } });
}

async function notificationsOf(userId: string) {
  return db.select().from(notifications).where(eq(notifications.userId, userId));
}

/**
 * One account of `owner` (an executive) with a proposal by its coordinator in review by the
 * owner, and a notification about it for a user of `role` who is on no account.
 */
async function accountInReview() {
  const author = await createActor('coordinator');
  const owner = await createActor('executive');
  const client = await createClientRecord({
    name: `Hidden Harbor ${Date.now()}`,
    ownerId: owner.id,
    coordinatorId: author.id,
  });
  const proposal = await createProposal(db, {
    clientId: client.id,
    title: `Retainer — ${client.name}`,
    status: 'in_review',
    authorId: author.id,
    reviewerId: owner.id,
    submittedAt: now,
    reviewDueAt: new Date(Date.now() + 86_400_000),
    versionCount: 1,
  });
  return { author, owner, client, proposal };
}

// The file has its database to itself: each test starts with no proposals or notifications, so
// the counts of a switch or an e-mail run are its own.
beforeEach(async () => {
  await db.delete(proposals);
  await db.delete(notifications);
  await setVisibility('open');
  await db.delete(settings).where(eq(settings.key, reviewSettingsKey));
});

describe('notifications under record visibility', () => {
  const hiddenFrom: Role[] = ['coordinator', 'executive'];

  for (const role of hiddenFrom) {
    it(`hides a ${role}'s notifications about other teams' accounts from the bell, the count and /notifications`, async () => {
      const { client } = await accountInReview();
      const viewer = await createActor(role);
      const mine = await createClientRecord({ ownerId: viewer.id, coordinatorId: viewer.id });
      const hidden = await createNotification(db, viewer.id, {
        title: `Review requested: Retainer — ${client.name}`,
        clientId: client.id,
      });
      const own = await createNotification(db, viewer.id, { clientId: mine.id });
      const general = await createNotification(db, viewer.id, { clientId: null });

      expect(await countUnreadNotifications(viewer)).toBe(3);
      await setVisibility('assigned');

      expect(await countUnreadNotifications(viewer)).toBe(2);
      const { items } = await listNotifications(viewer, { limit: 8 });
      expect(items.map((item) => item.id).sort()).toEqual([own.id, general.id].sort());
      expect(JSON.stringify(items)).not.toContain(client.name);
      // The page after the last visible one does not bring the hidden one back either.
      const rest = await listNotifications(viewer, { limit: 1, before: items[0]?.id });
      expect(rest.items.map((item) => item.id)).not.toContain(hidden.id);

      expect(
        await executeAction(markNotificationReadCommand, viewer, { id: hidden.id }),
      ).toMatchObject({ ok: false, code: 'not_found' });
      expect(await executeAction(markAllNotificationsReadCommand, viewer, {})).toEqual({
        ok: true,
        data: { unread: 0 },
      });
      const [stillUnread] = await db
        .select({ readAt: notifications.readAt })
        .from(notifications)
        .where(eq(notifications.id, hidden.id));
      expect(stillUnread?.readAt).toBeNull();

      // Open again, the notification is back, as unread as it was.
      await setVisibility('open');
      expect(await countUnreadNotifications(viewer)).toBe(1);
    });
  }

  it('keeps every notification for a manager under assigned', async () => {
    const { client } = await accountInReview();
    const manager = await createActor('manager');
    await createNotification(db, manager.id, { clientId: client.id });
    await setVisibility('assigned');
    expect(await countUnreadNotifications(manager)).toBe(1);
    expect((await listNotifications(manager, { limit: 8 })).items).toHaveLength(1);
  });

  it('records the account on the notifications the review flow sends', async () => {
    const author = await createActor('coordinator');
    const owner = await createActor('executive');
    const client = await createClientRecord({ ownerId: owner.id, coordinatorId: author.id });
    const proposal = await createProposal(db, { clientId: client.id, authorId: author.id });
    expectOk(
      await executeAction(updateProposalCommand, author, {
        id: proposal.id,
        version: String(proposal.version),
        title: proposal.title,
        body: proposal.body,
        amount: '25000',
        currency: 'USD',
        validUntil: '2099-12-31',
        reviewerId: owner.id,
      }),
    );
    const { version } = await readProposal(proposal.id);
    expectOk(
      await executeAction(submitProposalCommand, author, {
        id: proposal.id,
        version: String(version),
      }),
    );
    expect(await notificationsOf(owner.id)).toEqual([
      expect.objectContaining({ kind: 'review_requested', clientId: client.id }),
    ]);
  });

  it('does not e-mail a notification about an account the recipient no longer sees', async () => {
    const { client } = await accountInReview();
    const outsider = await createActor('executive');
    const manager = await createActor('manager');
    const queued = { emailStatus: 'queued' as const };
    const hidden = await createNotification(db, outsider.id, {
      title: `Review requested: Retainer — ${client.name}`,
      clientId: client.id,
      emailJobId: randomUUID(),
      ...queued,
    });
    const managers = await createNotification(db, manager.id, {
      clientId: client.id,
      emailJobId: randomUUID(),
      ...queued,
    });
    const general = await createNotification(db, outsider.id, {
      title: 'Your weekly summary',
      clientId: null,
      emailJobId: randomUUID(),
      ...queued,
    });
    await setVisibility('assigned');

    const sent: MailMessage[] = [];
    const outcomes = [];
    for (const notification of [hidden, managers, general]) {
      outcomes.push(
        await deliverNotificationEmail(
          db,
          { jobId: notification.emailJobId ?? '', notificationId: notification.id, final: false },
          async (message) => {
            sent.push(message);
          },
          () => now,
        ),
      );
    }

    expect(outcomes).toEqual(['skipped', 'sent', 'sent']);
    expect(sent.map((message) => message.to).sort()).toEqual(
      [manager.email, outsider.email].sort(),
    );
    expect(JSON.stringify(sent.filter((message) => message.to === outsider.email))).not.toContain(
      client.name,
    );
    const [row] = await db.select().from(notifications).where(eq(notifications.id, hidden.id));
    expect(row).toMatchObject({ emailStatus: 'skipped', emailedAt: now });
  });
});

describe('reviews whose reviewer loses sight of the account', () => {
  async function switchToAssigned(manager: CurrentUser) {
    return expectOk(
      await executeAction(setRecordVisibilityCommand, manager, { visibility: 'assigned' }),
    );
  }

  it('go to the backup reviewer who sees the account when visibility becomes assigned', async () => {
    const manager = await createActor('manager');
    const { author, owner, client, proposal } = await accountInReview();
    const outsider = await createActor('executive');
    const backup = await createActor('executive');
    await db
      .update(proposals)
      .set({ reviewerId: outsider.id })
      .where(eq(proposals.id, proposal.id));
    await db.update(clients).set({ coordinatorId: backup.id }).where(eq(clients.id, client.id));
    await setBackupReviewer(backup.id);

    expect(await switchToAssigned(manager)).toEqual({ visibility: 'assigned', reroutedReviews: 1 });

    const moved = await readProposal(proposal.id);
    expect(moved.reviewerId).toBe(backup.id);
    expect(moved.version).toBe(proposal.version);
    expect((await getReviewQueue(backup)).map((row) => row.id)).toEqual([proposal.id]);
    expect(await getReviewQueue(outsider)).toEqual([]);
    expect(await notificationsOf(backup.id)).toEqual([
      expect.objectContaining({ kind: 'review_reassigned', clientId: client.id }),
    ]);
    expect(await notificationsOf(author.id)).toEqual([]);
    expect(await notificationsOf(owner.id)).toEqual([]);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityId, proposal.id), eq(auditLog.action, 'proposal.review_rerouted')),
      );
    expect(entry).toMatchObject({
      actorId: manager.id,
      before: { reviewerId: outsider.id },
      after: { reviewerId: backup.id },
    });
  });

  it('go to the managers when there is no backup, or the backup does not see the account', async () => {
    const manager = await createActor('manager');
    const otherManager = await createActor('manager');
    const { proposal, client } = await accountInReview();
    const outsider = await createActor('executive');
    const blindBackup = await createActor('executive');
    await db
      .update(proposals)
      .set({ reviewerId: outsider.id })
      .where(eq(proposals.id, proposal.id));
    await setBackupReviewer(blindBackup.id);

    expect(await switchToAssigned(manager)).toMatchObject({ reroutedReviews: 1 });

    expect((await readProposal(proposal.id)).reviewerId).toBeNull();
    expect((await getReviewQueue(otherManager)).map((row) => row.id)).toContain(proposal.id);
    expect(await notificationsOf(otherManager.id)).toEqual([
      expect.objectContaining({
        kind: 'review_reassigned',
        clientId: client.id,
        body: expect.stringContaining('for a manager to decide'),
      }),
    ]);
    expect(await notificationsOf(blindBackup.id)).toEqual([]);
    // The manager who switched the setting made the change and is not told about it.
    expect(await notificationsOf(manager.id)).toEqual([]);
  });

  it('stay with reviewers who still see the account, and with managers', async () => {
    const manager = await createActor('manager');
    const { proposal } = await accountInReview();
    const managerReviewed = await accountInReview();
    const reviewingManager = await createActor('manager');
    await db
      .update(proposals)
      .set({ reviewerId: reviewingManager.id })
      .where(eq(proposals.id, managerReviewed.proposal.id));

    expect(await switchToAssigned(manager)).toMatchObject({ reroutedReviews: 0 });
    expect((await readProposal(proposal.id)).reviewerId).toBe(proposal.reviewerId);
    expect((await readProposal(managerReviewed.proposal.id)).reviewerId).toBe(reviewingManager.id);
  });

  it('move when the account is reassigned away from its reviewing owner under assigned', async () => {
    const manager = await createActor('manager');
    const { owner, client, proposal } = await accountInReview();
    const newOwner = await createActor('executive');
    await setVisibility('assigned');

    expectOk(
      await executeAction(reassignClientCommand, owner, {
        clientId: client.id,
        version: String(client.version),
        ownerId: newOwner.id,
        coordinatorId: client.coordinatorId ?? '',
      }),
    );

    expect((await readProposal(proposal.id)).reviewerId).toBeNull();
    expect(await getReviewQueue(owner)).toEqual([]);
    expect((await getReviewQueue(manager)).map((row) => row.id)).toContain(proposal.id);
    expect(await notificationsOf(manager.id)).toEqual([
      expect.objectContaining({ kind: 'review_reassigned' }),
    ]);
  });

  it('move when a bulk action reassigns the account away from its reviewing owner', async () => {
    const manager = await createActor('manager');
    const { client, proposal } = await accountInReview();
    const newOwner = await createActor('executive');
    await setVisibility('assigned');

    expectOk(
      await executeAction(bulkReassignClientsCommand, manager, {
        selection: { mode: 'rows', rows: [{ id: client.id, version: client.version }] },
        role: 'owner',
        userId: newOwner.id,
      }),
    );

    expect((await readProposal(proposal.id)).reviewerId).toBeNull();
    expect((await getReviewQueue(manager)).map((row) => row.id)).toContain(proposal.id);
  });

  it('escalate past a backup reviewer who does not see the account', async () => {
    const manager = await createActor('manager');
    const { proposal } = await accountInReview();
    const blindBackup = await createActor('executive');
    await setBackupReviewer(blindBackup.id);
    await setVisibility('assigned');
    await db
      .update(proposals)
      .set({ reviewDueAt: new Date(now.getTime() - 60_000) })
      .where(eq(proposals.id, proposal.id));

    expect(await escalateOverdueReviews(db, now)).toBe(1);
    const after = await readProposal(proposal.id);
    expect(after.escalatedAt).toEqual(now);
    expect(after.backupReviewerId).toBeNull();
    expect(await notificationsOf(manager.id)).toEqual([
      expect.objectContaining({ kind: 'review_escalated' }),
    ]);
  });

  it('do not move on a reassignment under open visibility', async () => {
    const { owner, client, proposal } = await accountInReview();
    const newOwner = await createActor('executive');
    expectOk(
      await executeAction(reassignClientCommand, owner, {
        clientId: client.id,
        version: String(client.version),
        ownerId: newOwner.id,
        coordinatorId: client.coordinatorId ?? '',
      }),
    );
    expect((await readProposal(proposal.id)).reviewerId).toBe(owner.id);
  });

  it('move when their reviewing manager becomes an executive', async () => {
    const manager = await createActor('manager');
    const demoted = await createActor('manager');
    const { proposal } = await accountInReview();
    await db.update(proposals).set({ reviewerId: demoted.id }).where(eq(proposals.id, proposal.id));
    await setVisibility('assigned');

    expectOk(
      await executeAction(changeRoleCommand, manager, { userId: demoted.id, role: 'executive' }),
    );

    expect((await readProposal(proposal.id)).reviewerId).toBeNull();
  });

  it('drop an escalated backup who no longer sees the account', async () => {
    const manager = await createActor('manager');
    const { owner, proposal } = await accountInReview();
    const blindBackup = await createActor('executive');
    await db
      .update(proposals)
      .set({ backupReviewerId: blindBackup.id, escalatedAt: now })
      .where(eq(proposals.id, proposal.id));

    expect(await switchToAssigned(manager)).toMatchObject({ reroutedReviews: 1 });
    const after = await readProposal(proposal.id);
    expect(after.reviewerId).toBe(owner.id);
    expect(after.backupReviewerId).toBeNull();
  });

  it('cannot be sent to a reviewer who does not see the account', async () => {
    const author = await createActor('coordinator');
    const owner = await createActor('executive');
    const outsider = await createActor('executive');
    const client = await createClientRecord({ ownerId: owner.id, coordinatorId: author.id });
    const proposal = await createProposal(db, {
      clientId: client.id,
      authorId: author.id,
      reviewerId: outsider.id,
    });
    await setVisibility('assigned');

    const refused = await executeAction(submitProposalCommand, author, {
      id: proposal.id,
      version: String(proposal.version),
    });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { reviewerId: ['Choose a reviewer who can see this account.'] },
    });
    expect((await readProposal(proposal.id)).status).toBe('draft');
    expect(await notificationsOf(outsider.id)).toEqual([]);
  });

  it('are refused to coordinators and executives switching the setting', async () => {
    for (const role of ['coordinator', 'executive'] as const) {
      const actor = await createActor(role);
      expect(
        await executeAction(setRecordVisibilityCommand, actor, { visibility: 'assigned' }),
      ).toMatchObject({ ok: false });
    }
  });
});
