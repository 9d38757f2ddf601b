import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import {
  activities,
  meetingAttendees,
  meetings,
  notificationAttachments,
  notifications,
} from '@/db/schema';
import { roles, type Role } from '@/lib/roles';
import { localTimeOf } from '@/lib/zoned-time';
import { executeAction } from '@/server/action';
import {
  cancelMeetingCommand,
  completeMeetingCommand,
  createMeetingCommand,
  moveMeetingCommand,
  updateMeetingCommand,
} from '@/server/meetings/commands';
import { findMeetingTimes, meetingsForUserOnDay } from '@/server/meetings/queries';
import { setTravelBuffersCommand } from '@/server/meetings/travel-buffers';
import {
  createClientRecord,
  createContactRecord,
  setVisibility,
} from '../support/client-factories';
import { asCurrentUser, createActor, createUser, expectOk } from '../support/factories';
import {
  daysFromToday,
  meetingInput,
  parseIcs,
  readMeeting,
  scheduleMeeting,
} from '../support/meeting-factories';

beforeEach(async () => {
  await setVisibility('open');
  await db.delete(meetings);
});

describe('scheduling a meeting', () => {
  it('saves people and contacts, puts it on the client timeline and invites with an .ics', async () => {
    const coordinator = await createActor('coordinator');
    const executive = await createActor('executive');
    const client = await createClientRecord();
    const contact = await createContactRecord(client.id, { email: 'cfo@client.test' });
    const result = await executeAction(
      createMeetingCommand,
      coordinator,
      meetingInput(client.id, [executive.id, coordinator.id], {
        kind: 'demo',
        title: 'Product demo',
        contactIds: [contact.id],
        timeZone: 'America/New_York',
        date: '2027-03-15',
        startTime: '09:00',
        endTime: '10:00',
      }),
    );
    const { id } = expectOk(result);
    const meeting = await readMeeting(id);
    expect(meeting.startsAt.toISOString()).toBe('2027-03-15T13:00:00.000Z');
    expect(meeting.organizerId).toBe(coordinator.id);
    const attendees = await db
      .select()
      .from(meetingAttendees)
      .where(eq(meetingAttendees.meetingId, id));
    expect(attendees.map((row) => row.userId).sort()).toEqual(
      [coordinator.id, executive.id].sort(),
    );

    const [timeline] = await db.select().from(activities).where(eq(activities.clientId, client.id));
    expect(timeline?.kind).toBe('meeting');
    expect(timeline?.subject).toBe('Demo scheduled: Product demo');

    // The organiser is not notified of their own meeting; the executive is, with the invitation.
    const sent = await db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'meeting_invited'));
    expect(sent.map((row) => row.userId)).toEqual([executive.id]);
    const [file] = await db
      .select()
      .from(notificationAttachments)
      .where(eq(notificationAttachments.notificationId, sent[0]!.id));
    const ics = parseIcs(file!.content);
    expect(ics.method).toBe('REQUEST');
    expect(ics.events).toHaveLength(1);
    expect(ics.events[0]).toMatchObject({
      uid: `meeting-${id}@accord`,
      sequence: 0,
      tzid: 'America/New_York',
    });
    expect(ics.events[0]!.start.toISOString()).toBe('2027-03-15T13:00:00.000Z');
  });

  it('refuses bad input with field errors and saves nothing', async () => {
    const coordinator = await createActor('coordinator');
    const client = await createClientRecord();
    const result = await executeAction(
      createMeetingCommand,
      coordinator,
      meetingInput(client.id, [], {
        title: ' ',
        startTime: '11:00',
        endTime: '10:00',
        timeZone: 'Mars/Base',
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      'attendeeIds',
      'timeZone',
      'title',
    ]);
    const backwards = await executeAction(
      createMeetingCommand,
      coordinator,
      meetingInput(client.id, [coordinator.id], { startTime: '11:00', endTime: '10:00' }),
    );
    expect(backwards).toMatchObject({
      ok: false,
      fieldErrors: { endTime: ['End after the start.'] },
    });
    expect(await db.select().from(meetings)).toEqual([]);
  });

  it('refuses a contact of another client and a deactivated attendee', async () => {
    const coordinator = await createActor('coordinator');
    const gone = await createUser({ active: false });
    const client = await createClientRecord();
    const elsewhere = await createContactRecord((await createClientRecord()).id);
    const result = await executeAction(
      createMeetingCommand,
      coordinator,
      meetingInput(client.id, [gone.id], { contactIds: [elsewhere.id] }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      attendeeIds: ['Choose active people.'],
      contactIds: ['Choose contacts of this client.'],
    });
  });
});

describe('double booking', () => {
  it('names who is busy and when, then saves on purpose with the overlap acknowledged', async () => {
    const coordinator = await createActor('coordinator');
    const executive = asCurrentUser(await createUser({ role: 'executive', name: 'Erin Busy' }));
    await scheduleMeeting(coordinator, [executive.id], { title: 'Board call' });
    const client = await createClientRecord();
    const clash = meetingInput(client.id, [executive.id], { startTime: '10:30', endTime: '11:30' });

    const refused = await executeAction(createMeetingCommand, coordinator, clash);
    expect(refused).toMatchObject({ ok: false, code: 'conflict' });
    if (refused.ok) return;
    expect(refused.fieldErrors?.overlap).toEqual([
      expect.stringMatching(/^Erin Busy is busy .*10:00.*11:00.* \(Board call\)\.$/),
    ]);
    expect(await db.select().from(meetings)).toHaveLength(1);

    const saved = expectOk(
      await executeAction(createMeetingCommand, coordinator, {
        ...clash,
        acknowledgeOverlap: true,
      }),
    );
    expect(saved.acknowledgedOverlaps).toBe(1);
    const meeting = await readMeeting(saved.id);
    expect(meeting.overlapAcknowledgedBy).toBe(coordinator.id);
    expect(meeting.overlapAcknowledgedAt).not.toBeNull();
  });

  it('keeps the travel buffer from Settings free around in-person meetings', async () => {
    const manager = await createActor('manager');
    const executive = await createActor('executive');
    const inPerson = { location: 'Client HQ', videoUrl: '' };
    await scheduleMeeting(manager, [executive.id], inPerson);
    const client = await createClientRecord();
    // 20 minutes after the first ends: inside the default 30-minute buffer.
    const next = meetingInput(client.id, [executive.id], { startTime: '11:20', endTime: '12:00' });
    expect(await executeAction(createMeetingCommand, manager, next)).toMatchObject({
      code: 'conflict',
    });

    expectOk(await executeAction(setTravelBuffersCommand, manager, { inPersonMinutes: '15' }));
    expectOk(await executeAction(createMeetingCommand, manager, next));
  });

  it('ignores cancelled meetings and touching ends', async () => {
    const coordinator = await createActor('coordinator');
    const executive = await createActor('executive');
    const first = await scheduleMeeting(coordinator, [executive.id]);
    const client = await createClientRecord();
    expectOk(
      await executeAction(
        createMeetingCommand,
        coordinator,
        meetingInput(client.id, [executive.id], { startTime: '11:00', endTime: '11:30' }),
      ),
    );
    expectOk(
      await executeAction(cancelMeetingCommand, coordinator, {
        meetingId: first.id,
        version: first.version,
      }),
    );
    expectOk(
      await executeAction(
        createMeetingCommand,
        coordinator,
        meetingInput(client.id, [executive.id]),
      ),
    );
  });

  it('lets only one of two concurrent saves for the same person and slot pass unwarned', async () => {
    const executive = await createActor('executive');
    const [first, second] = await Promise.all([
      createActor('coordinator'),
      createActor('coordinator'),
    ]);
    const [clientA, clientB] = await Promise.all([createClientRecord(), createClientRecord()]);
    for (let round = 0; round < 5; round++) {
      await db.delete(meetings);
      const date = daysFromToday(2 + round);
      const results = await Promise.all([
        executeAction(
          createMeetingCommand,
          first!,
          meetingInput(clientA.id, [executive.id, first!.id], { date }),
        ),
        executeAction(
          createMeetingCommand,
          second!,
          meetingInput(clientB.id, [second!.id, executive.id], { date }),
        ),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok && result.code === 'conflict')).toHaveLength(1);
      expect(await db.select().from(meetings)).toHaveLength(1);
    }
  });
});

describe('recurring meetings', () => {
  const weekly = {
    timeZone: 'America/New_York',
    date: '2027-03-04',
    startTime: '09:00',
    endTime: '09:30',
    repeat: { frequency: 'weekly', interval: 1, weekdays: [4], count: 4 },
  };

  it('keeps 09:00 New York time across the March change, and edits the whole series', async () => {
    const coordinator = await createActor('coordinator');
    const first = await scheduleMeeting(coordinator, [coordinator.id], weekly);
    const series = await db
      .select()
      .from(meetings)
      .where(eq(meetings.seriesId, first.seriesId!))
      .orderBy(meetings.startsAt);
    expect(series.map((m) => m.startsAt.toISOString())).toEqual([
      '2027-03-04T14:00:00.000Z',
      '2027-03-11T14:00:00.000Z',
      '2027-03-18T13:00:00.000Z',
      '2027-03-25T13:00:00.000Z',
    ]);

    const edited = await executeAction(updateMeetingCommand, coordinator, {
      ...meetingInput(first.clientId, [coordinator.id], {
        ...weekly,
        startTime: '10:00',
        endTime: '11:00',
        title: 'Weekly sync',
      }),
      meetingId: first.id,
      version: first.version,
      scope: 'series',
    });
    expectOk(edited);
    const after = await db.select().from(meetings).where(eq(meetings.seriesId, first.seriesId!));
    expect(after.every((m) => m.title === 'Weekly sync' && m.sequence === 1)).toBe(true);
    expect(after.map((m) => localTimeOf(m.startsAt, 'America/New_York'))).toEqual([
      '10:00',
      '10:00',
      '10:00',
      '10:00',
    ]);
  });

  it('edits one occurrence alone and cancels the rest of the series', async () => {
    const coordinator = await createActor('coordinator');
    const first = await scheduleMeeting(coordinator, [coordinator.id], weekly);
    expectOk(
      await executeAction(updateMeetingCommand, coordinator, {
        ...meetingInput(first.clientId, [coordinator.id], {
          ...weekly,
          title: 'Moved once',
          startTime: '15:00',
          endTime: '15:30',
        }),
        meetingId: first.id,
        version: first.version,
        scope: 'one',
      }),
    );
    const rows = await db.select().from(meetings).where(eq(meetings.seriesId, first.seriesId!));
    expect(rows.filter((m) => m.title === 'Moved once')).toHaveLength(1);

    const second = rows.find((m) => m.id !== first.id)!;
    const cancelled = expectOk(
      await executeAction(cancelMeetingCommand, coordinator, {
        meetingId: second.id,
        version: second.version,
        scope: 'series',
      }),
    );
    expect(cancelled.cancelled).toBe(4);
    const busy = await db.select().from(meetingAttendees).where(eq(meetingAttendees.busy, true));
    expect(busy).toEqual([]);
  });
});

describe('moving, completing and reading', () => {
  it('moves a meeting, raising its SEQUENCE and refusing a stale version', async () => {
    const coordinator = await createActor('coordinator');
    const meeting = await scheduleMeeting(coordinator, [coordinator.id]);
    const move = {
      meetingId: meeting.id,
      version: meeting.version,
      date: daysFromToday(3),
      startTime: '14:00',
      endTime: '15:30',
      timeZone: 'UTC',
    };
    const moved = expectOk(await executeAction(moveMeetingCommand, coordinator, move));
    const row = await readMeeting(meeting.id);
    expect(row.sequence).toBe(1);
    expect(localTimeOf(row.endsAt, 'UTC')).toBe('15:30');
    const [attendee] = await db
      .select()
      .from(meetingAttendees)
      .where(eq(meetingAttendees.meetingId, meeting.id));
    expect(attendee?.startsAt.toISOString()).toBe(row.startsAt.toISOString());
    expect(moved.version).toBe(2);
    expect(await executeAction(moveMeetingCommand, coordinator, move)).toMatchObject({
      code: 'stale',
    });
  });

  it('completes a meeting that has started with its outcome notes, on the timeline', async () => {
    const coordinator = await createActor('coordinator');
    const later = await scheduleMeeting(coordinator, [coordinator.id]);
    const outcome = {
      meetingId: later.id,
      version: later.version,
      outcomeNotes: 'Agreed on a pilot.',
    };
    expect(await executeAction(completeMeetingCommand, coordinator, outcome)).toMatchObject({
      code: 'conflict',
    });

    const past = await scheduleMeeting(coordinator, [coordinator.id], { date: daysFromToday(-1) });
    expectOk(
      await executeAction(completeMeetingCommand, coordinator, { ...outcome, meetingId: past.id }),
    );
    const row = await readMeeting(past.id);
    expect(row).toMatchObject({ status: 'completed', outcomeNotes: 'Agreed on a pilot.' });
    const timeline = await db
      .select()
      .from(activities)
      .where(
        and(
          eq(activities.clientId, past.clientId),
          eq(activities.subject, `Meeting completed: ${past.title}`),
        ),
      );
    expect(timeline[0]?.body).toBe('Agreed on a pilot.');
    expect(
      await executeAction(cancelMeetingCommand, coordinator, {
        meetingId: past.id,
        version: row.version,
      }),
    ).toMatchObject({ code: 'conflict' });
  });

  it("lists a user's meetings of one day in their zone", async () => {
    const coordinator = asCurrentUser(
      await createUser({ role: 'coordinator', timeZone: 'Pacific/Auckland' }),
    );
    // 23:30 UTC on the 14th is 12:30 on the 15th in Auckland (NZDT, UTC+13).
    await scheduleMeeting(coordinator, [coordinator.id], {
      date: '2027-01-14',
      startTime: '23:00',
      endTime: '23:30',
    });
    await scheduleMeeting(coordinator, [coordinator.id], {
      date: '2027-01-15',
      startTime: '12:00',
      endTime: '12:30',
    });
    const today = await meetingsForUserOnDay(coordinator, '2027-01-15');
    expect(today.map((m) => m.startsAt.toISOString())).toEqual(['2027-01-14T23:00:00.000Z']);
  });

  it("lists the first of a day's meetings up to a limit, each row counting the whole day", async () => {
    const coordinator = asCurrentUser(await createUser({ role: 'coordinator', timeZone: 'UTC' }));
    for (const startTime of ['15:00', '09:00', '12:00']) {
      const [hours] = startTime.split(':');
      await scheduleMeeting(coordinator, [coordinator.id], {
        date: '2027-02-01',
        startTime,
        endTime: `${hours}:30`,
      });
    }
    const firstTwo = await meetingsForUserOnDay(coordinator, '2027-02-01', 2);
    expect(firstTwo.map((m) => m.startsAt.toISOString())).toEqual([
      '2027-02-01T09:00:00.000Z',
      '2027-02-01T12:00:00.000Z',
    ]);
    expect(firstTwo.map((m) => m.dayTotal)).toEqual([3, 3]);
  });

  it('finds free times around a busy attendee within both working days', async () => {
    const coordinator = asCurrentUser(
      await createUser({ role: 'coordinator', timeZone: 'Europe/London' }),
    );
    const executive = asCurrentUser(
      await createUser({
        role: 'executive',
        timeZone: 'America/New_York',
        workingHoursStart: '09:00',
        workingHoursEnd: '12:00',
      }),
    );
    // Monday 11 January 2027: London 14:00–17:00 is New York 09:00–12:00.
    await scheduleMeeting(coordinator, [executive.id], {
      date: '2027-01-11',
      startTime: '14:00',
      endTime: '15:00',
    });
    const slots = await findMeetingTimes(
      coordinator,
      { attendeeIds: [coordinator.id, executive.id], durationMinutes: 60 },
      new Date('2027-01-11T08:00:00Z'),
    );
    expect(slots.slice(0, 3).map((slot) => slot.start.toISOString())).toEqual([
      '2027-01-11T15:00:00.000Z',
      '2027-01-11T15:30:00.000Z',
      '2027-01-11T16:00:00.000Z',
    ]);
  });
});

describe('permissions', () => {
  it.each(roles)(
    'a %s schedules, edits, moves, completes and cancels meetings',
    async (role: Role) => {
      const actor = await createActor(role);
      const meeting = await scheduleMeeting(actor, [actor.id]);
      const edited = expectOk(
        await executeAction(updateMeetingCommand, actor, {
          ...meetingInput(meeting.clientId, [actor.id], { title: 'Renamed' }),
          meetingId: meeting.id,
          version: meeting.version,
        }),
      );
      const moved = expectOk(
        await executeAction(moveMeetingCommand, actor, {
          meetingId: meeting.id,
          version: edited.version,
          date: daysFromToday(-1),
          startTime: '09:00',
          endTime: '09:30',
          timeZone: 'UTC',
        }),
      );
      expectOk(
        await executeAction(completeMeetingCommand, actor, {
          meetingId: meeting.id,
          version: moved.version,
          outcomeNotes: 'Done.',
        }),
      );
      const other = await scheduleMeeting(actor, [actor.id]);
      expectOk(
        await executeAction(cancelMeetingCommand, actor, {
          meetingId: other.id,
          version: other.version,
        }),
      );
    },
  );

  it.each(['coordinator', 'executive'] as const)(
    'under assigned visibility a %s cannot schedule or touch meetings of an account that is not theirs',
    async (role) => {
      const manager = await createActor('manager');
      const actor = await createActor(role);
      const theirs = await createClientRecord(
        role === 'executive' ? { ownerId: actor.id } : { coordinatorId: actor.id },
      );
      const hidden = await scheduleMeeting(manager, [manager.id]);
      await setVisibility('assigned');
      expect(
        await executeAction(createMeetingCommand, actor, meetingInput(hidden.clientId, [actor.id])),
      ).toMatchObject({ ok: false });
      expect(
        await executeAction(cancelMeetingCommand, actor, {
          meetingId: hidden.id,
          version: hidden.version,
        }),
      ).toMatchObject({ code: 'not_found' });
      expectOk(
        await executeAction(createMeetingCommand, actor, meetingInput(theirs.id, [actor.id])),
      );
      expect(await readMeeting(hidden.id)).toMatchObject({ status: 'scheduled' });
    },
  );

  it.each(['coordinator', 'executive'] as const)(
    'a %s may not change the travel buffers',
    async (role) => {
      const actor = await createActor(role);
      expect(
        await executeAction(setTravelBuffersCommand, actor, { inPersonMinutes: '10' }),
      ).toMatchObject({
        code: 'forbidden',
      });
    },
  );

  it('refuses everything to someone still on a temporary password', async () => {
    const actor = asCurrentUser(await createUser({ mustChangePassword: true }));
    const client = await createClientRecord();
    const result = await executeAction(
      createMeetingCommand,
      actor,
      meetingInput(client.id, [actor.id]),
    );
    expect(result.ok).toBe(false);
    expect(await db.select().from(meetings)).toEqual([]);
  });
});
