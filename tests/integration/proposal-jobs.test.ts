import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { activities, notifications, proposals, settings } from '@/db/schema';
import { escalateOverdueReviews } from '@/server/jobs/escalate-overdue-reviews';
import { expireProposals } from '@/server/jobs/expire-proposals';
import { reviewSettingsKey } from '@/server/settings/queries';
import { auditEntriesFor, createUser } from '../support/factories';
import { createProposal } from '../support/proposal-factories';

const now = new Date('2026-06-10T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

async function proposalRow(id: string) {
  const [row] = await db.select().from(proposals).where(eq(proposals.id, id));
  if (!row) throw new Error('proposal missing');
  return row;
}

async function escalationNotices(proposalId: string) {
  return db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(
      and(
        eq(notifications.kind, 'review_escalated'),
        eq(notifications.href, `/proposals/${proposalId}`),
      ),
    );
}

describe('escalating overdue reviews', () => {
  it('escalates an overdue review once, to the backup reviewer and the active managers', async () => {
    const author = await createUser({ role: 'manager' });
    const reviewer = await createUser({ role: 'executive' });
    const backup = await createUser({ role: 'executive' });
    const manager = await createUser({ role: 'manager' });
    const retired = await createUser({ role: 'manager', active: false });
    await db.insert(settings).values({
      key: reviewSettingsKey,
      value: { reviewThresholdCents: 100_000, reviewDueHours: 24, backupReviewerId: backup.id },
    });
    const overdue = await createProposal(db, {
      status: 'in_review',
      authorId: author.id,
      reviewerId: reviewer.id,
      submittedAt: hoursAgo(30),
      reviewDueAt: hoursAgo(6),
    });
    const notYetDue = await createProposal(db, {
      status: 'in_review',
      authorId: author.id,
      reviewerId: reviewer.id,
      reviewDueAt: new Date(now.getTime() + 3_600_000),
    });
    const decided = await createProposal(db, {
      status: 'approved',
      authorId: author.id,
      reviewDueAt: hoursAgo(6),
    });

    expect(await escalateOverdueReviews(db, now)).toBe(1);

    const escalated = await proposalRow(overdue.id);
    expect(escalated.escalatedAt).toEqual(now);
    expect(escalated.backupReviewerId).toBe(backup.id);
    expect(escalated.version).toBe(overdue.version);
    const recipients = (await escalationNotices(overdue.id)).map((row) => row.userId);
    expect(recipients).toEqual(expect.arrayContaining([backup.id, manager.id]));
    expect(recipients).not.toContain(author.id);
    expect(recipients).not.toContain(retired.id);
    expect(recipients).not.toContain(reviewer.id);

    const [audit] = await auditEntriesFor(overdue.id);
    expect(audit).toMatchObject({ action: 'proposal.escalated', actorId: null });
    const timeline = await db
      .select()
      .from(activities)
      .where(eq(activities.clientId, overdue.clientId));
    expect(timeline).toEqual([
      expect.objectContaining({
        kind: 'proposal',
        actorId: null,
        subject: expect.stringMatching(/escalated/),
      }),
    ]);

    for (const untouched of [notYetDue, decided]) {
      expect((await proposalRow(untouched.id)).escalatedAt).toBeNull();
      expect(await escalationNotices(untouched.id)).toEqual([]);
    }

    expect(await escalateOverdueReviews(db, new Date(now.getTime() + 60_000))).toBe(0);
    expect(await escalationNotices(overdue.id)).toHaveLength(recipients.length);
    expect(await auditEntriesFor(overdue.id)).toHaveLength(1);
  });
});

describe('expiring proposals', () => {
  it('expires sent proposals past their valid-until date, once', async () => {
    const author = await createUser({ role: 'coordinator' });
    const lapsed = await createProposal(db, {
      status: 'sent',
      authorId: author.id,
      validUntil: '2026-06-09',
    });
    const lastDay = await createProposal(db, { status: 'sent', validUntil: '2026-06-10' });
    const approved = await createProposal(db, { status: 'approved', validUntil: '2026-06-01' });
    const noDate = await createProposal(db, { status: 'sent', validUntil: null });

    expect(await expireProposals(db, now)).toBe(1);

    const expired = await proposalRow(lapsed.id);
    expect(expired.status).toBe('expired');
    expect(expired.version).toBe(lapsed.version + 1);
    expect(await auditEntriesFor(lapsed.id)).toEqual([
      expect.objectContaining({ action: 'proposal.expired', actorId: null }),
    ]);
    const timeline = await db
      .select()
      .from(activities)
      .where(eq(activities.clientId, lapsed.clientId));
    expect(timeline).toEqual([
      expect.objectContaining({
        kind: 'proposal',
        actorId: null,
        subject: expect.stringMatching(/expired/),
      }),
    ]);
    expect((await proposalRow(lastDay.id)).status).toBe('sent');
    expect((await proposalRow(approved.id)).status).toBe('approved');
    expect((await proposalRow(noDate.id)).status).toBe('sent');

    expect(await expireProposals(db, now)).toBe(0);
    expect(await auditEntriesFor(lapsed.id)).toHaveLength(1);
  });
});
