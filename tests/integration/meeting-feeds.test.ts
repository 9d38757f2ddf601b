import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { meetingAttendees, meetings, notifications } from '@/db/schema';
import { executeAction } from '@/server/action';
import { cancelMeetingCommand, moveMeetingCommand } from '@/server/meetings/commands';
import {
  calendarFeedFor,
  createCalendarFeedCommand,
  feedLimit,
  meetingIcsFor,
  openCalendarFeed,
  revokeCalendarFeedCommand,
} from '@/server/meetings/feed';
import { deliverNotificationEmail } from '@/server/jobs/deliver-notification-emails';
import { mailSender } from '@/server/notifications/email';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createActor, expectOk } from '../support/factories';
import { daysFromToday, parseIcs, scheduleMeeting } from '../support/meeting-factories';
import { startSmtpServer } from '../support/smtp-server';
import { GET as getFeed } from '@/app/calendar/feed/[token]/route';

beforeEach(async () => {
  await setVisibility('open');
  await db.delete(meetings);
  await db.delete(notifications);
});

function tokenOf(path: string) {
  return path.replace('/calendar/feed/', '').replace(/\.ics$/, '');
}

describe('subscription feed', () => {
  it('holds the meetings from 30 days back, with stable UIDs, raised SEQUENCE and cancellations', async () => {
    const coordinator = await createActor('coordinator');
    const { path } = expectOk(await executeAction(createCalendarFeedCommand, coordinator, {}));
    expect(path).toMatch(/^\/calendar\/feed\/[\w-]{40,}\.ics$/);
    const token = tokenOf(path);

    const kept = await scheduleMeeting(coordinator, [coordinator.id], {
      timeZone: 'America/New_York',
      date: '2027-07-01',
      startTime: '09:00',
      endTime: '10:00',
    });
    const dropped = await scheduleMeeting(coordinator, [coordinator.id], {
      date: daysFromToday(5),
    });
    await scheduleMeeting(coordinator, [coordinator.id], { date: daysFromToday(-31) });
    const moved = expectOk(
      await executeAction(moveMeetingCommand, coordinator, {
        meetingId: kept.id,
        version: kept.version,
        date: '2027-07-01',
        startTime: '09:30',
        endTime: '10:30',
        timeZone: 'America/New_York',
      }),
    );
    expectOk(
      await executeAction(cancelMeetingCommand, coordinator, {
        meetingId: dropped.id,
        version: dropped.version,
      }),
    );

    const feed = parseIcs((await calendarFeedFor(token))!);
    expect(feed.refreshInterval).toBe('PT1H');
    expect(feed.publishedTtl).toBe('PT1H');
    // A UTC meeting is written in UTC: a TZID always comes with its VTIMEZONE.
    expect(feed.timezones).toEqual(['America/New_York']);
    const byUid = Object.fromEntries(feed.events.map((event) => [event.uid, event]));
    expect(Object.keys(byUid).sort()).toEqual(
      [`meeting-${kept.id}@accord`, `meeting-${dropped.id}@accord`].sort(),
    );
    expect(byUid[`meeting-${kept.id}@accord`]).toMatchObject({
      sequence: 1,
      status: 'CONFIRMED',
      tzid: 'America/New_York',
      localStart: '2027-07-01T09:30:00',
    });
    expect(byUid[`meeting-${kept.id}@accord`]!.start.toISOString()).toBe(
      '2027-07-01T13:30:00.000Z',
    );
    expect(byUid[`meeting-${dropped.id}@accord`]).toMatchObject({
      sequence: 1,
      status: 'CANCELLED',
    });
    expect(moved.version).toBe(2);
  });

  it('is refused once revoked, and a new link replaces the old one', async () => {
    const executive = await createActor('executive');
    const first = tokenOf(
      expectOk(await executeAction(createCalendarFeedCommand, executive, {})).path,
    );
    expect(await calendarFeedFor(first)).toContain('BEGIN:VCALENDAR');
    const second = tokenOf(
      expectOk(await executeAction(createCalendarFeedCommand, executive, {})).path,
    );
    expect(await calendarFeedFor(first)).toBeNull();
    expect(await calendarFeedFor(second)).toContain('BEGIN:VCALENDAR');
    expect(expectOk(await executeAction(revokeCalendarFeedCommand, executive, {})).revoked).toBe(
      true,
    );
    expect(await calendarFeedFor(second)).toBeNull();
    expect(await calendarFeedFor('not-a-token')).toBeNull();
  });

  it('under assigned visibility holds nothing the user could not see', async () => {
    const manager = await createActor('manager');
    const coordinator = await createActor('coordinator');
    const theirs = await createClientRecord({ coordinatorId: coordinator.id });
    const visible = await scheduleMeeting(manager, [coordinator.id], { clientId: theirs.id });
    const hidden = await scheduleMeeting(manager, [coordinator.id], {
      startTime: '14:00',
      endTime: '15:00',
    });
    const token = tokenOf(
      expectOk(await executeAction(createCalendarFeedCommand, coordinator, {})).path,
    );
    expect(parseIcs((await calendarFeedFor(token))!).events).toHaveLength(2);

    await setVisibility('assigned');
    const events = parseIcs((await calendarFeedFor(token))!).events;
    expect(events.map((event) => event.uid)).toEqual([`meeting-${visible.id}@accord`]);
    expect(await meetingIcsFor(coordinator, hidden.id)).toBeNull();
    expect(await meetingIcsFor(manager, hidden.id)).not.toBeNull();
  });

  it('carries the earliest meetings up to its limit, organised and attended alike, and its version follows which they are', async () => {
    const owner = await createActor('coordinator');
    const colleague = await createActor('executive');
    const client = await createClientRecord();
    const token = tokenOf(expectOk(await executeAction(createCalendarFeedCommand, owner, {})).path);
    // One more than the limit, every other one organised by the owner, the rest attended, an
    // hour apart from tomorrow on, all written at once (one updated_at for all).
    const start = Date.now() + 86_400_000;
    const rows = Array.from({ length: feedLimit + 1 }, (_, index) => ({
      title: `Feed ${index}`,
      clientId: client.id,
      organizerId: index % 2 === 0 ? owner.id : colleague.id,
      timeZone: 'UTC',
      startsAt: new Date(start + index * 3_600_000),
      endsAt: new Date(start + index * 3_600_000 + 1_800_000),
    }));
    const created = await db.insert(meetings).values(rows).returning({
      id: meetings.id,
      organizerId: meetings.organizerId,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
    });
    await db.insert(meetingAttendees).values(
      created
        .filter((meeting) => meeting.organizerId === colleague.id)
        .map((meeting) => ({
          meetingId: meeting.id,
          userId: owner.id,
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
        })),
    );
    // Someone else's meeting, neither organised nor attended by the owner, is not in it.
    await scheduleMeeting(colleague, [colleague.id], { date: daysFromToday(1) });

    const uids = (text: string) => parseIcs(text).events.map((event) => event.uid);
    const before = uids((await calendarFeedFor(token))!);
    expect(before).toHaveLength(feedLimit);
    expect(new Set(before)).toEqual(
      new Set(created.slice(0, feedLimit).map((meeting) => `meeting-${meeting.id}@accord`)),
    );
    const version = await (await openCalendarFeed(token))!.version();

    // A change to the meeting past the limit is not in the feed, so its version stays.
    await db
      .update(meetings)
      .set({ title: 'Feed past the limit', updatedAt: new Date(Date.now() + 60_000) })
      .where(eq(meetings.id, created[feedLimit]!.id));
    expect((await (await openCalendarFeed(token))!.version()).etag).toBe(version.etag);

    // The earliest goes: the one past the limit comes in, with no newer change among them.
    await db.delete(meetings).where(eq(meetings.id, created[0]!.id));
    const after = uids((await calendarFeedFor(token))!);
    expect(after).toHaveLength(feedLimit);
    expect(after).toContain(`meeting-${created[feedLimit]!.id}@accord`);
    const moved = await (await openCalendarFeed(token))!.version();
    expect(moved.etag).not.toBe(version.etag);
  });

  it.each(['coordinator', 'executive', 'manager'] as const)(
    'a %s creates and revokes their own feed link',
    async (role) => {
      const actor = await createActor(role);
      expectOk(await executeAction(createCalendarFeedCommand, actor, {}));
      expect(expectOk(await executeAction(revokeCalendarFeedCommand, actor, {})).revoked).toBe(
        true,
      );
    },
  );
});

describe('re-fetching the feed', () => {
  function fetchFeed(path: string, headers: Record<string, string> = {}) {
    const token = path.replace('/calendar/feed/', '');
    return getFeed(new Request(`http://accord.test${path}`, { headers }), {
      params: Promise.resolve({ token }),
    });
  }

  it('answers 304 while the feed is unchanged, and the whole feed once a meeting changes', async () => {
    const coordinator = await createActor('coordinator');
    const organizer = await createActor('executive');
    const { path } = expectOk(await executeAction(createCalendarFeedCommand, coordinator, {}));
    const meeting = await scheduleMeeting(coordinator, [coordinator.id]);

    const first = await fetchFeed(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(new Date(lastModified).getTime()).toBe(
      Math.floor(meeting.updatedAt.getTime() / 1000) * 1000,
    );
    expect(parseIcs(await first.text()).events).toHaveLength(1);

    const conditionals: Record<string, string>[] = [
      { 'if-none-match': etag },
      { 'if-modified-since': lastModified },
    ];
    for (const conditions of conditionals) {
      const unchanged = await fetchFeed(path, conditions);
      expect(unchanged.status).toBe(304);
      expect(await unchanged.text()).toBe('');
      expect(unchanged.headers.get('etag')).toBe(etag);
    }
    expect((await fetchFeed(path, { 'if-none-match': '"another"' })).status).toBe(200);

    // Moved by its organiser: a new version, the whole feed again.
    const moved = expectOk(
      await executeAction(moveMeetingCommand, coordinator, {
        meetingId: meeting.id,
        version: meeting.version,
        date: daysFromToday(2),
        startTime: '11:00',
        endTime: '12:00',
        timeZone: 'UTC',
      }),
    );
    const afterMove = await fetchFeed(path, { 'if-none-match': etag });
    expect(afterMove.status).toBe(200);
    const movedEtag = afterMove.headers.get('etag')!;
    expect(movedEtag).not.toBe(etag);
    expect(parseIcs(await afterMove.text()).events[0]!.sequence).toBe(moved.version - 1);

    // Someone else invites the owner: one more meeting, another version.
    await scheduleMeeting(organizer, [coordinator.id], { startTime: '15:00', endTime: '16:00' });
    const invited = await fetchFeed(path, { 'if-none-match': movedEtag });
    expect(invited.status).toBe(200);
    expect(parseIcs(await invited.text()).events).toHaveLength(2);

    expectOk(await executeAction(revokeCalendarFeedCommand, coordinator, {}));
    expect((await fetchFeed(path, { 'if-none-match': etag })).status).toBe(404);
  });
});

describe('invitation e-mails', () => {
  it('carry an .ics: a REQUEST, an update with the same UID and a higher SEQUENCE, a CANCEL', async () => {
    const smtp = await startSmtpServer();
    try {
      const coordinator = await createActor('coordinator');
      const executive = await createActor('executive');
      const meeting = await scheduleMeeting(coordinator, [executive.id], {
        timeZone: 'Europe/Berlin',
        date: '2027-10-25',
        startTime: '09:00',
        endTime: '10:00',
      });
      const moved = expectOk(
        await executeAction(moveMeetingCommand, coordinator, {
          meetingId: meeting.id,
          version: meeting.version,
          date: '2027-10-26',
          startTime: '09:00',
          endTime: '10:00',
          timeZone: 'Europe/Berlin',
        }),
      );
      expectOk(
        await executeAction(cancelMeetingCommand, coordinator, {
          meetingId: meeting.id,
          version: moved.version,
        }),
      );
      const queued = await db
        .update(notifications)
        .set({ emailStatus: 'queued', emailJobId: '00000000-0000-4000-8000-000000000001' })
        .returning({ id: notifications.id, kind: notifications.kind });
      expect(queued.map((row) => row.kind).sort()).toEqual(
        ['meeting_cancelled', 'meeting_invited', 'meeting_updated'].sort(),
      );
      const send = mailSender({ SMTP_URL: smtp.url });
      for (const row of queued.sort((a, b) => a.id - b.id)) {
        await deliverNotificationEmail(
          db,
          { jobId: '00000000-0000-4000-8000-000000000001', notificationId: row.id, final: true },
          send,
        );
      }
      expect(smtp.messages).toHaveLength(3);
      const files = smtp.messages.map((message) => {
        const attachment = message.attachments.find((file) => file.contentType === 'text/calendar');
        expect(message.to).toMatchObject({ text: executive.email });
        return parseIcs(attachment!.content.toString('utf8'));
      });
      expect(files.map((file) => file.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
      expect(new Set(files.map((file) => file.events[0]!.uid))).toEqual(
        new Set([`meeting-${meeting.id}@accord`]),
      );
      expect(files.map((file) => file.events[0]!.sequence)).toEqual([0, 1, 2]);
      // Berlin is on summer time (UTC+2) until 31 October 2027.
      expect(files[1]!.events[0]!.start.toISOString()).toBe('2027-10-26T07:00:00.000Z');
      expect(files[1]!.timezones).toEqual(['Europe/Berlin']);
      const [stored] = await db
        .select()
        .from(notifications)
        .where(eq(notifications.id, queued[0]!.id));
      expect(stored?.emailStatus).toBe('sent');
    } finally {
      await smtp.close();
    }
  });
});
