import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { meetingAttendees, meetings, meetingSeries, type Meeting } from '@/db/schema';
import { formatMeetingTime, meetingKindLabels, type Interval } from '@/lib/meetings';
import { expandRecurrence } from '@/lib/recurrence';
import {
  cancelMeetingSchema,
  completeMeetingSchema,
  createMeetingSchema,
  moveMeetingSchema,
  updateMeetingSchema,
} from '@/lib/validation/meetings';
import { addDays, localDateOf, minutesOfDay, zonedTimeToInstant } from '@/lib/zoned-time';
import { defineAction, type ActionContext } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { lockVisibleClient, recordActivity } from '@/server/clients/records';
import { can } from '@/server/auth/permissions';
import { conflict, forbidden, staleRecord } from '@/server/errors';
import { insertTask, taskDueAt } from '@/server/tasks/commands';
import { findAttendeeOverlaps, isInPerson, lockAttendeeCalendars } from './conflicts';
import {
  assertMeetingLinks,
  assertScheduled,
  lockVisibleMeeting,
  overlapRefusal,
  sendMeetingNotice,
  writeMeetingPeople,
} from './records';
import { readTravelBuffers } from './travel-buffers';

type Planned = Interval & { id?: string };

/**
 * The double-booking guard: under each attendee's calendar lock, finds their other scheduled
 * meetings that clash with `planned` (travel buffers included). Unless the organiser saves on
 * purpose, a clash refuses the save with who is busy when; on purpose, it is returned so the
 * meeting records that it was acknowledged. The write that follows stays under the same locks.
 */
async function guardOverlaps(
  tx: Transaction,
  user: CurrentUser,
  planned: {
    attendeeIds: string[];
    intervals: Planned[];
    inPerson: boolean;
    acknowledged: boolean;
  },
) {
  await lockAttendeeCalendars(tx, planned.attendeeIds);
  const buffers = await readTravelBuffers(tx);
  const overlaps = await findAttendeeOverlaps(tx, {
    userIds: planned.attendeeIds,
    intervals: planned.intervals,
    inPerson: planned.inPerson,
    bufferMinutes: buffers.inPersonMinutes,
    excludeMeetingIds: planned.intervals.flatMap((interval) => (interval.id ? [interval.id] : [])),
  });
  if (overlaps.length > 0 && !planned.acknowledged) throw overlapRefusal(overlaps, user);
  return overlaps;
}

function acknowledgement(overlapCount: number, user: CurrentUser) {
  return overlapCount > 0
    ? { overlapAcknowledgedAt: new Date(), overlapAcknowledgedBy: user.id }
    : { overlapAcknowledgedAt: null, overlapAcknowledgedBy: null };
}

function interval(date: string, startTime: string, endTime: string, timeZone: string) {
  return {
    start: zonedTimeToInstant(date, startTime, timeZone),
    end: zonedTimeToInstant(date, endTime, timeZone),
  };
}

export const createMeetingCommand = defineAction({
  schema: createMeetingSchema,
  permission: 'meetings.write',
  async run(input, { tx, user, audit }) {
    const client = await lockVisibleClient(tx, user, input.clientId);
    const { attendeeIds, contactIds } = await assertMeetingLinks(tx, client.id, input);
    const repeat = input.repeat?.frequency !== 'none' ? input.repeat : undefined;
    const durationMinutes = minutesOfDay(input.endTime) - minutesOfDay(input.startTime);
    const intervals = repeat
      ? expandRecurrence(
          { ...repeat, frequency: repeat.frequency as 'daily' | 'weekly' | 'monthly' },
          input.date,
          input.startTime,
          durationMinutes,
          input.timeZone,
        )
      : [interval(input.date, input.startTime, input.endTime, input.timeZone)];
    const overlaps = await guardOverlaps(tx, user, {
      attendeeIds,
      intervals,
      inPerson: isInPerson(input),
      acknowledged: input.acknowledgeOverlap,
    });

    let seriesId: string | null = null;
    if (repeat) {
      const [series] = await tx
        .insert(meetingSeries)
        .values({
          frequency: repeat.frequency as 'daily' | 'weekly' | 'monthly',
          interval: repeat.interval,
          weekdays: repeat.frequency === 'weekly' ? repeat.weekdays : null,
          untilDate: repeat.untilDate ?? null,
          count: repeat.count ?? null,
          timeZone: input.timeZone,
          startTime: input.startTime,
          durationMinutes,
        })
        .returning({ id: meetingSeries.id });
      seriesId = series!.id;
    }
    const values = {
      seriesId,
      kind: input.kind,
      title: input.title,
      clientId: client.id,
      dealId: input.dealId ?? null,
      organizerId: user.id,
      timeZone: input.timeZone,
      location: input.location ?? null,
      videoUrl: input.videoUrl ?? null,
      agenda: input.agenda ?? null,
      ...acknowledgement(overlaps.length, user),
    };
    const created = await tx
      .insert(meetings)
      .values(intervals.map((slot) => ({ ...values, startsAt: slot.start, endsAt: slot.end })))
      .returning({ id: meetings.id, startsAt: meetings.startsAt, endsAt: meetings.endsAt });
    await writeMeetingPeople(tx, created, attendeeIds, contactIds);
    const first = created[0]!;
    await recordActivity(tx, {
      clientId: client.id,
      kind: 'meeting',
      subject: `${meetingKindLabels[input.kind]} scheduled: ${input.title}${created.length > 1 ? ` (${created.length} meetings)` : ''}`,
      body: formatMeetingTime(first.startsAt, first.endsAt, {
        timeZone: input.timeZone,
        locale: user.locale,
      }),
      actorId: user.id,
    });
    await audit({
      action: 'meeting.created',
      entityType: 'meeting',
      entityId: first.id,
      after: {
        ...values,
        startsAt: first.startsAt,
        endsAt: first.endsAt,
        occurrences: created.length,
        attendeeIds,
        contactIds,
        acknowledgedOverlaps: overlaps.map((overlap) => overlap.meetingId),
      },
    });
    await sendMeetingNotice(
      tx,
      'meeting_invited',
      attendeeIds,
      created.map((row) => row.id),
      user,
    );
    return { id: first.id, occurrences: created.length, acknowledgedOverlaps: overlaps.length };
  },
});

/** The meetings a change applies to: this one, or every scheduled one of its series. */
async function lockTargets(tx: Transaction, meeting: Meeting, scope: 'one' | 'series') {
  if (scope === 'one' || !meeting.seriesId) return [meeting];
  return tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.seriesId, meeting.seriesId), eq(meetings.status, 'scheduled')))
    .orderBy(asc(meetings.startsAt))
    .for('update');
}

async function currentAttendeeIds(tx: Transaction, meetingIds: string[]) {
  const rows = await tx
    .selectDistinct({ userId: meetingAttendees.userId })
    .from(meetingAttendees)
    .where(inArray(meetingAttendees.meetingId, meetingIds));
  return rows.map((row) => row.userId);
}

/** Bumps version and SEQUENCE of `target` with `set`, refusing if someone saved it meanwhile. */
async function writeMeeting(tx: Transaction, target: Meeting, set: Partial<Meeting>) {
  const [updated] = await tx
    .update(meetings)
    .set({
      ...set,
      version: sql`${meetings.version} + 1`,
      sequence: sql`${meetings.sequence} + 1`,
    })
    .where(and(eq(meetings.id, target.id), eq(meetings.version, target.version)))
    .returning();
  if (!updated) throw staleRecord('meeting');
  return updated;
}

/** Tells those still invited about the change and those taken off that it is cancelled for them. */
async function announceChange(
  context: ActionContext,
  meetingIds: string[],
  before: string[],
  after: string[],
) {
  const removed = before.filter((id) => !after.includes(id));
  const added = after.filter((id) => !before.includes(id));
  const kept = after.filter((id) => before.includes(id));
  await sendMeetingNotice(context.tx, 'meeting_updated', kept, meetingIds, context.user);
  await sendMeetingNotice(context.tx, 'meeting_invited', added, meetingIds, context.user);
  await sendMeetingNotice(context.tx, 'meeting_cancelled', removed, meetingIds, context.user);
}

export const updateMeetingCommand = defineAction({
  schema: updateMeetingSchema,
  permission: 'meetings.write',
  async run(input, context) {
    const { tx, user, audit } = context;
    const meeting = await lockVisibleMeeting(tx, user, input.meetingId);
    if (meeting.version !== input.version) throw staleRecord('meeting');
    assertScheduled(meeting);
    if (input.clientId !== meeting.clientId) {
      throw conflict('A meeting stays with its client; cancel it and schedule a new one.');
    }
    const { attendeeIds, contactIds } = await assertMeetingLinks(tx, meeting.clientId, input);
    const targets = await lockTargets(tx, meeting, input.scope);
    // A series moved to another day moves every occurrence by as many days.
    const dayShift = Math.round(
      (Date.parse(input.date) - Date.parse(localDateOf(meeting.startsAt, meeting.timeZone))) /
        86_400_000,
    );
    const planned = targets.map((target) => ({
      id: target.id,
      ...interval(
        target.id === meeting.id
          ? input.date
          : addDays(localDateOf(target.startsAt, target.timeZone), dayShift),
        input.startTime,
        input.endTime,
        input.timeZone,
      ),
    }));
    const overlaps = await guardOverlaps(tx, user, {
      attendeeIds,
      intervals: planned,
      inPerson: isInPerson(input),
      acknowledged: input.acknowledgeOverlap,
    });
    const before = await currentAttendeeIds(
      tx,
      targets.map((target) => target.id),
    );
    const fields = {
      kind: input.kind,
      title: input.title,
      dealId: input.dealId ?? null,
      timeZone: input.timeZone,
      location: input.location ?? null,
      videoUrl: input.videoUrl ?? null,
      agenda: input.agenda ?? null,
      ...acknowledgement(overlaps.length, user),
    };
    const written = [];
    for (const [index, target] of targets.entries()) {
      const slot = planned[index]!;
      written.push(
        await writeMeeting(tx, target, { ...fields, startsAt: slot.start, endsAt: slot.end }),
      );
    }
    await writeMeetingPeople(tx, written, attendeeIds, contactIds);
    await recordActivity(tx, {
      clientId: meeting.clientId,
      kind: 'meeting',
      subject: `Meeting changed: ${input.title}${written.length > 1 ? ` (${written.length} meetings of the series)` : ''}`,
      actorId: user.id,
    });
    await audit({
      action: 'meeting.updated',
      entityType: 'meeting',
      entityId: meeting.id,
      before: {
        title: meeting.title,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        attendeeIds: before,
      },
      after: {
        ...fields,
        startsAt: planned[targets.indexOf(meeting)]?.start ?? planned[0]?.start,
        scope: input.scope,
        meetings: written.length,
        attendeeIds,
        acknowledgedOverlaps: overlaps.map((overlap) => overlap.meetingId),
      },
    });
    await announceChange(
      context,
      written.map((row) => row.id),
      before,
      attendeeIds,
    );
    const self = written.find((row) => row.id === meeting.id) ?? written[0]!;
    return { id: self.id, version: self.version, acknowledgedOverlaps: overlaps.length };
  },
});

/** The week view's drag or resize, and its keyboard form: new times for one meeting. */
export const moveMeetingCommand = defineAction({
  schema: moveMeetingSchema,
  permission: 'meetings.write',
  async run(input, context) {
    const { tx, user, audit } = context;
    const meeting = await lockVisibleMeeting(tx, user, input.meetingId);
    if (meeting.version !== input.version) throw staleRecord('meeting');
    assertScheduled(meeting);
    const attendeeIds = await currentAttendeeIds(tx, [meeting.id]);
    const slot = {
      id: meeting.id,
      ...interval(input.date, input.startTime, input.endTime, input.timeZone),
    };
    const overlaps = await guardOverlaps(tx, user, {
      attendeeIds,
      intervals: [slot],
      inPerson: isInPerson(meeting),
      acknowledged: input.acknowledgeOverlap,
    });
    const moved = await writeMeeting(tx, meeting, {
      startsAt: slot.start,
      endsAt: slot.end,
      timeZone: input.timeZone,
      ...acknowledgement(overlaps.length, user),
    });
    await tx
      .update(meetingAttendees)
      .set({ startsAt: slot.start, endsAt: slot.end })
      .where(eq(meetingAttendees.meetingId, meeting.id));
    await recordActivity(tx, {
      clientId: meeting.clientId,
      kind: 'meeting',
      subject: `Meeting moved: ${meeting.title}`,
      body: formatMeetingTime(slot.start, slot.end, {
        timeZone: input.timeZone,
        locale: user.locale,
      }),
      actorId: user.id,
    });
    await audit({
      action: 'meeting.moved',
      entityType: 'meeting',
      entityId: meeting.id,
      before: { startsAt: meeting.startsAt, endsAt: meeting.endsAt },
      after: {
        startsAt: slot.start,
        endsAt: slot.end,
        acknowledgedOverlaps: overlaps.map((overlap) => overlap.meetingId),
      },
    });
    await sendMeetingNotice(tx, 'meeting_updated', attendeeIds, [meeting.id], user);
    return { id: moved.id, version: moved.version, acknowledgedOverlaps: overlaps.length };
  },
});

export const cancelMeetingCommand = defineAction({
  schema: cancelMeetingSchema,
  permission: 'meetings.write',
  async run(input, { tx, user, audit }) {
    const meeting = await lockVisibleMeeting(tx, user, input.meetingId);
    if (meeting.version !== input.version) throw staleRecord('meeting');
    assertScheduled(meeting);
    const targets = await lockTargets(tx, meeting, input.scope);
    const ids = targets.map((target) => target.id);
    const attendeeIds = await currentAttendeeIds(tx, ids);
    for (const target of targets) await writeMeeting(tx, target, { status: 'cancelled' });
    await tx
      .update(meetingAttendees)
      .set({ busy: false })
      .where(inArray(meetingAttendees.meetingId, ids));
    await recordActivity(tx, {
      clientId: meeting.clientId,
      kind: 'meeting',
      subject: `Meeting cancelled: ${meeting.title}${ids.length > 1 ? ` (${ids.length} meetings of the series)` : ''}`,
      actorId: user.id,
    });
    await audit({
      action: 'meeting.cancelled',
      entityType: 'meeting',
      entityId: meeting.id,
      before: { status: meeting.status },
      after: { status: 'cancelled', scope: input.scope, meetings: ids.length },
    });
    await sendMeetingNotice(tx, 'meeting_cancelled', attendeeIds, ids, user);
    return { id: meeting.id, cancelled: ids.length };
  },
});

/** Completes a started meeting with its outcome, and creates its follow-up tasks linked to it. */
export const completeMeetingCommand = defineAction({
  schema: completeMeetingSchema,
  permission: 'meetings.write',
  async run(input, context) {
    const { tx, user, audit } = context;
    if (input.followUps.length > 0 && !can(user, 'tasks.write')) throw forbidden();
    const meeting = await lockVisibleMeeting(tx, user, input.meetingId);
    if (meeting.version !== input.version) throw staleRecord('meeting');
    assertScheduled(meeting);
    if (meeting.startsAt > new Date()) {
      throw conflict('A meeting can be completed once it has started.');
    }
    const [completed] = await tx
      .update(meetings)
      .set({
        status: 'completed',
        outcomeNotes: input.outcomeNotes,
        version: sql`${meetings.version} + 1`,
      })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.version, input.version)))
      .returning({ version: meetings.version });
    if (!completed) throw staleRecord('meeting');
    await tx
      .update(meetingAttendees)
      .set({ busy: false })
      .where(eq(meetingAttendees.meetingId, meeting.id));
    await recordActivity(tx, {
      clientId: meeting.clientId,
      kind: 'meeting',
      subject: `Meeting completed: ${meeting.title}`,
      body: input.outcomeNotes,
      actorId: user.id,
    });
    await audit({
      action: 'meeting.completed',
      entityType: 'meeting',
      entityId: meeting.id,
      before: { status: meeting.status },
      after: { status: 'completed', outcomeNotes: input.outcomeNotes },
    });
    for (const followUp of input.followUps) {
      await insertTask(context, {
        title: followUp.title,
        dueAt: taskDueAt(user, followUp.dueDate),
        assigneeId: followUp.assigneeId ?? null,
        link: { kind: 'meeting', id: meeting.id, clientId: meeting.clientId },
        assigneeField: 'followUps',
      });
    }
    return { id: meeting.id, version: completed.version, followUps: input.followUps.length };
  },
});
