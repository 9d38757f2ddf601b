import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { activities, feedback, notifications, settings, users } from '@/db/schema';
import { addBusinessHours } from '@/lib/business-hours';
import { feedbackListSchema } from '@/lib/validation/feedback';
import { executeAction } from '@/server/action';
import {
  acknowledgeFeedbackCommand,
  logFeedbackCommand,
  resolveFeedbackCommand,
  routeFeedbackCommand,
  setFeedbackSlaCommand,
} from '@/server/feedback/commands';
import {
  getFeedbackSlaFigure,
  listClientFeedback,
  listFeedback,
  listFeedbackRoutedToMe,
} from '@/server/feedback/queries';
import { feedbackSlaKey } from '@/server/feedback/sla';
import { escalateOverdueFeedback } from '@/server/jobs/escalate-overdue-feedback';
import {
  createClientRecord,
  createContactRecord,
  setVisibility,
} from '../support/client-factories';
import { createFeedbackRecord } from '../support/feedback-factories';
import {
  asCurrentUser,
  auditEntriesFor,
  createActor,
  createUser,
  expectOk,
} from '../support/factories';

async function readFeedback(id: string) {
  const [row] = await db.select().from(feedback).where(eq(feedback.id, id));
  if (!row) throw new Error('feedback missing');
  return row;
}

const logForm = (clientId: string, overrides: Record<string, string> = {}) => ({
  clientId,
  contactId: '',
  channel: 'call',
  sentiment: 'negative',
  category: 'Reporting',
  body: 'The monthly report arrived a week late.',
  routedToId: '',
  ...overrides,
});

beforeEach(async () => {
  await setVisibility('open');
  await db.delete(settings).where(eq(settings.key, feedbackSlaKey));
});

describe('logging feedback', () => {
  it('routes it to the account owner with SLA due times in the owner’s working time', async () => {
    const owner = await createUser({
      role: 'executive',
      timeZone: 'Pacific/Auckland',
      workingHoursStart: '08:00',
      workingHoursEnd: '16:00',
    });
    const client = await createClientRecord({ ownerId: owner.id });
    const contact = await createContactRecord(client.id);
    const coordinator = await createActor('coordinator');
    const before = new Date();
    const { id, status } = expectOk(
      await executeAction(
        logFeedbackCommand,
        coordinator,
        logForm(client.id, { contactId: contact.id }),
      ),
    );
    const after = new Date();
    expect(status).toBe('routed');
    const item = await readFeedback(id);
    expect(item).toMatchObject({
      routedToId: owner.id,
      contactId: contact.id,
      loggedById: coordinator.id,
    });
    const working = {
      timeZone: 'Pacific/Auckland',
      workingHoursStart: '08:00',
      workingHoursEnd: '16:00',
      workingDays: [1, 2, 3, 4, 5],
    };
    // Negative: 4 business hours to acknowledge, counted from the moment it was routed.
    expect(item.acknowledgeDueAt!.getTime()).toBeGreaterThanOrEqual(
      addBusinessHours(before, 4, working).getTime(),
    );
    expect(item.acknowledgeDueAt!.getTime()).toBeLessThanOrEqual(
      addBusinessHours(after, 4, working).getTime(),
    );
    expect(item.nextDueAt).toEqual(item.acknowledgeDueAt);
    expect(item.resolveDueAt!.getTime()).toBeGreaterThan(item.acknowledgeDueAt!.getTime());

    const [notice] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, owner.id), eq(notifications.kind, 'feedback_routed')));
    expect(notice).toMatchObject({ href: `/feedback/${id}`, clientId: client.id });
    const [audit] = await auditEntriesFor(id);
    expect(audit).toMatchObject({ action: 'feedback.logged', actorId: coordinator.id });
    const timeline = await db.select().from(activities).where(eq(activities.clientId, client.id));
    expect(timeline).toEqual([expect.objectContaining({ kind: 'feedback' })]);
  });

  it('stays new without an owner or a chosen user, and refuses bad input without writing', async () => {
    const client = await createClientRecord();
    const actor = await createActor('executive');
    const { status } = expectOk(await executeAction(logFeedbackCommand, actor, logForm(client.id)));
    expect(status).toBe('new');

    const refused = await executeAction(
      logFeedbackCommand,
      actor,
      logForm(client.id, { body: ' ', sentiment: 'angry' }),
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.fieldErrors?.body).toEqual(['Write what the client said.']);
      expect(refused.fieldErrors?.sentiment).toBeDefined();
    }
    const otherClient = await createClientRecord();
    const strangerContact = await createContactRecord(otherClient.id);
    const wrongContact = await executeAction(
      logFeedbackCommand,
      actor,
      logForm(client.id, { contactId: strangerContact.id }),
    );
    expect(wrongContact.ok).toBe(false);
    expect(await db.select().from(feedback).where(eq(feedback.clientId, client.id))).toHaveLength(
      1,
    );
  });

  it('refuses to route to an inactive user, or to one who cannot see the account under assigned', async () => {
    const coordinator = await createUser({ role: 'coordinator' });
    const client = await createClientRecord({ coordinatorId: coordinator.id });
    const retired = await createUser({ role: 'executive', active: false });
    const outsider = await createUser({ role: 'executive' });
    const actor = asCurrentUser(coordinator);
    const inactive = await executeAction(
      logFeedbackCommand,
      actor,
      logForm(client.id, { routedToId: retired.id }),
    );
    expect(inactive.ok).toBe(false);
    await setVisibility('assigned');
    const blind = await executeAction(
      logFeedbackCommand,
      actor,
      logForm(client.id, { routedToId: outsider.id }),
    );
    expect(blind).toMatchObject({ ok: false, fieldErrors: { routedToId: [expect.any(String)] } });
    expect(await db.select().from(feedback).where(eq(feedback.clientId, client.id))).toHaveLength(
      0,
    );
  });
});

describe('the feedback life cycle and who may answer', () => {
  async function routedItem() {
    const owner = await createUser({ role: 'executive' });
    const routed = await createUser({ role: 'coordinator' });
    const client = await createClientRecord({ ownerId: owner.id });
    const { id } = expectOk(
      await executeAction(
        logFeedbackCommand,
        await createActor('coordinator'),
        logForm(client.id, { routedToId: routed.id }),
      ),
    );
    return { id, owner, routed, client };
  }

  it('lets the routed coordinator acknowledge and resolve, and refuses another coordinator', async () => {
    const { id, routed } = await routedItem();
    const otherCoordinator = await createActor('coordinator');
    const refused = await executeAction(acknowledgeFeedbackCommand, otherCoordinator, {
      id,
      version: '1',
    });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });

    expectOk(
      await executeAction(acknowledgeFeedbackCommand, asCurrentUser(routed), { id, version: '1' }),
    );
    const acknowledged = await readFeedback(id);
    expect(acknowledged.status).toBe('acknowledged');
    expect(acknowledged.nextDueAt).toEqual(acknowledged.resolveDueAt);

    const stale = await executeAction(resolveFeedbackCommand, asCurrentUser(routed), {
      id,
      version: '1',
      resolution: 'Sent.',
    });
    expect(stale).toMatchObject({ ok: false, code: 'stale' });
    const empty = await executeAction(resolveFeedbackCommand, asCurrentUser(routed), {
      id,
      version: '2',
      resolution: '',
    });
    expect(empty).toMatchObject({
      ok: false,
      fieldErrors: { resolution: ['Say how it was resolved.'] },
    });

    expectOk(
      await executeAction(resolveFeedbackCommand, asCurrentUser(routed), {
        id,
        version: '2',
        resolution: 'Report re-sent; schedule fixed.',
      }),
    );
    const resolved = await readFeedback(id);
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: 'Report re-sent; schedule fixed.',
      nextDueAt: null,
      resolvedById: routed.id,
    });
    const again = await executeAction(acknowledgeFeedbackCommand, asCurrentUser(routed), {
      id,
      version: '3',
    });
    expect(again).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('lets the owning executive and any manager answer, but not another executive', async () => {
    const first = await routedItem();
    const otherExecutive = await createActor('executive');
    expect(
      await executeAction(resolveFeedbackCommand, otherExecutive, {
        id: first.id,
        version: '1',
        resolution: 'x',
      }),
    ).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expectOk(
      await executeAction(resolveFeedbackCommand, asCurrentUser(first.owner), {
        id: first.id,
        version: '1',
        resolution: 'Called them back.',
      }),
    );
    // Resolving straight from routed acknowledges it at the same time.
    const resolved = await readFeedback(first.id);
    expect(resolved.acknowledgedAt).toEqual(resolved.resolvedAt);

    const second = await routedItem();
    expectOk(
      await executeAction(acknowledgeFeedbackCommand, await createActor('manager'), {
        id: second.id,
        version: '1',
      }),
    );
  });

  it('lets every role reroute unacknowledged feedback, restarting the clock for the new person', async () => {
    for (const role of ['coordinator', 'executive', 'manager'] as const) {
      const { id } = await routedItem();
      const next = await createUser({ role: 'executive' });
      expectOk(
        await executeAction(routeFeedbackCommand, await createActor(role), {
          id,
          version: '1',
          routedToId: next.id,
        }),
      );
      expect(await readFeedback(id)).toMatchObject({
        routedToId: next.id,
        status: 'routed',
        version: 2,
      });
    }
  });

  it('answers feedback on an account the user cannot see as not found', async () => {
    const { id, routed } = await routedItem();
    await setVisibility('assigned');
    const result = await executeAction(acknowledgeFeedbackCommand, asCurrentUser(routed), {
      id,
      version: '1',
    });
    expect(result).toMatchObject({ ok: false, code: 'not_found' });
    expect(await listFeedbackRoutedToMe(asCurrentUser(routed))).toEqual([]);
  });
});

describe('feedback lists', () => {
  it('filters overdue and respects assigned visibility', async () => {
    const coordinator = await createUser({ role: 'coordinator' });
    const mine = await createClientRecord({ coordinatorId: coordinator.id });
    const theirs = await createClientRecord();
    const now = new Date();
    const late = await createFeedbackRecord({
      clientId: mine.id,
      status: 'routed',
      nextDueAt: new Date(now.getTime() - 60_000),
    });
    await createFeedbackRecord({
      clientId: mine.id,
      status: 'routed',
      nextDueAt: new Date(now.getTime() + 3_600_000),
    });
    await createFeedbackRecord({
      clientId: theirs.id,
      status: 'routed',
      nextDueAt: new Date(now.getTime() - 60_000),
    });
    const viewer = asCurrentUser(coordinator);

    const overdueOpen = await listFeedback(
      viewer,
      feedbackListSchema.parse({ overdue: '1', client: mine.id }),
      now,
    );
    expect(overdueOpen.rows.map((row) => row.id)).toEqual([late.id]);

    await setVisibility('assigned');
    const visible = await listFeedback(viewer, feedbackListSchema.parse({ overdue: '1' }), now);
    expect(visible.rows.map((row) => row.id)).toEqual([late.id]);
    expect(await listClientFeedback(viewer, theirs.id)).toEqual([]);
  });

  it('gives managers the share acknowledged and resolved in time over 30 days, and no one else', async () => {
    const client = await createClientRecord();
    const now = new Date('2026-06-30T12:00:00Z');
    const day = 86_400_000;
    const at = (days: number) => new Date(now.getTime() - days * day);
    await db.delete(feedback);
    // In time on both counts.
    await createFeedbackRecord({
      clientId: client.id,
      status: 'resolved',
      routedAt: at(10),
      acknowledgeDueAt: at(9),
      acknowledgedAt: at(9.5),
      resolveDueAt: at(5),
      resolvedAt: at(6),
    });
    // Acknowledged late, still open and not yet due to resolve.
    await createFeedbackRecord({
      clientId: client.id,
      status: 'acknowledged',
      routedAt: at(3),
      acknowledgeDueAt: at(2.9),
      acknowledgedAt: at(2),
      resolveDueAt: new Date(now.getTime() + day),
    });
    // Never acknowledged, both due times passed.
    const neverAcknowledged = await createFeedbackRecord({
      clientId: client.id,
      status: 'routed',
      routedAt: at(8),
      acknowledgeDueAt: at(7.9),
      resolveDueAt: at(4),
    });
    // Routed before the window: not counted.
    await createFeedbackRecord({
      clientId: client.id,
      status: 'routed',
      routedAt: at(40),
      acknowledgeDueAt: at(39),
      resolveDueAt: at(35),
    });

    const figure = await getFeedbackSlaFigure(await createActor('manager'), now);
    expect(figure).toEqual({
      acknowledgeDue: 3,
      acknowledgedInTime: 1,
      resolveDue: 2,
      resolvedInTime: 1,
    });
    await expect(getFeedbackSlaFigure(await createActor('executive'), now)).rejects.toThrow();

    // The figure is reused within its minute, but a write to any feedback shows at once.
    await db
      .update(feedback)
      .set({ status: 'acknowledged', acknowledgedAt: at(7.95) })
      .where(eq(feedback.id, neverAcknowledged.id));
    expect(await getFeedbackSlaFigure(await createActor('manager'), now)).toMatchObject({
      acknowledgeDue: 3,
      acknowledgedInTime: 2,
    });
  });
});

describe('escalating overdue feedback', () => {
  it('notifies the active managers once per overdue item', async () => {
    await db.update(users).set({ active: false }).where(eq(users.role, 'manager'));
    const manager = await createUser({ role: 'manager' });
    const retired = await createUser({ role: 'manager', active: false });
    const client = await createClientRecord();
    const now = new Date('2026-06-10T12:00:00Z');
    const overdue = await createFeedbackRecord({
      clientId: client.id,
      status: 'routed',
      nextDueAt: new Date(now.getTime() - 60_000),
    });
    await createFeedbackRecord({
      clientId: client.id,
      status: 'acknowledged',
      nextDueAt: new Date(now.getTime() + 60_000),
    });
    await createFeedbackRecord({ clientId: client.id, status: 'resolved', nextDueAt: null });

    expect(await escalateOverdueFeedback(db, now)).toBe(1);
    expect(await escalateOverdueFeedback(db, new Date(now.getTime() + 30_000))).toBe(0);

    const notices = await db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'feedback_escalated'));
    expect(notices.map((notice) => notice.userId)).toEqual([manager.id]);
    expect(notices[0]).toMatchObject({ href: `/feedback/${overdue.id}`, clientId: client.id });
    expect(notices.map((notice) => notice.userId)).not.toContain(retired.id);
    const item = await readFeedback(overdue.id);
    expect(item.escalatedAt).toEqual(now);
    expect(item.version).toBe(overdue.version);
    const [audit] = await auditEntriesFor(overdue.id);
    expect(audit).toMatchObject({ action: 'feedback.escalated', actorId: null });
  });
});

describe('the feedback SLA setting', () => {
  it('is a manager’s to change, and changes the due times of what is routed next', async () => {
    const form = {
      negativeAcknowledgeHours: '2',
      negativeResolveDays: '1',
      neutralAcknowledgeHours: '8',
      neutralResolveDays: '5',
      positiveAcknowledgeHours: '16',
      positiveResolveDays: '10',
    };
    for (const role of ['coordinator', 'executive'] as const) {
      expect(
        await executeAction(setFeedbackSlaCommand, await createActor(role), form),
      ).toMatchObject({ ok: false, code: 'forbidden' });
    }
    const manager = await createActor('manager');
    expect(
      (
        await executeAction(setFeedbackSlaCommand, manager, {
          ...form,
          negativeAcknowledgeHours: '0',
        })
      ).ok,
    ).toBe(false);
    expectOk(await executeAction(setFeedbackSlaCommand, manager, form));

    const owner = await createUser({
      role: 'executive',
      timeZone: 'UTC',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      workingHoursStart: '00:00',
      workingHoursEnd: '23:59',
    });
    const client = await createClientRecord({ ownerId: owner.id });
    const { id } = expectOk(await executeAction(logFeedbackCommand, manager, logForm(client.id)));
    const item = await readFeedback(id);
    const hours = (item.acknowledgeDueAt!.getTime() - item.routedAt!.getTime()) / 3_600_000;
    // Two working hours, which in an always-working day are at most a minute or so past midnight's gap.
    expect(hours).toBeGreaterThanOrEqual(2);
    expect(hours).toBeLessThan(2.1);
  });
});
