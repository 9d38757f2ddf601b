import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor, Transaction } from '@/db/client';
import type { Interval } from '@/lib/meetings';

// The first key of every attendee-calendar advisory lock, so they never meet other locks.
const attendeeLockSpace = 1_736_001;

/**
 * Takes each attendee's calendar lock for the rest of the transaction, in one fixed order (by
 * id), so two saves for the same people queue up instead of deadlocking, and the second one's
 * overlap check sees the first one's meeting.
 */
export async function lockAttendeeCalendars(tx: Transaction, userIds: readonly string[]) {
  for (const userId of [...new Set(userIds)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(${attendeeLockSpace}, hashtext(${userId}))`);
  }
}

export type BusyOverlap = {
  userId: string;
  userName: string;
  meetingId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
};

/** A meeting needs travel time when it has a place and no video link. */
export function isInPerson(meeting: { location?: string | null; videoUrl?: string | null }) {
  return Boolean(meeting.location) && !meeting.videoUrl;
}

/** Meetings are at most a day long (the form keeps start and end on one date). */
const longestMeeting = sql`interval '1 day'`;

/**
 * The scheduled meetings of `userIds` that clash with any of `intervals`, leaving out
 * `excludeMeetingIds` (the meetings being moved). Two meetings need `bufferMinutes` between them
 * when either of them is in person.
 */
export async function findAttendeeOverlaps(
  executor: Executor,
  {
    userIds,
    intervals,
    inPerson,
    bufferMinutes,
    excludeMeetingIds = [],
  }: {
    userIds: readonly string[];
    intervals: readonly Interval[];
    inPerson: boolean;
    bufferMinutes: number;
    excludeMeetingIds?: readonly string[];
  },
): Promise<BusyOverlap[]> {
  if (userIds.length === 0 || intervals.length === 0) return [];
  const wanted = sql.join(
    intervals.map(
      (interval) =>
        sql`(${interval.start.toISOString()}::timestamptz, ${interval.end.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  const most = sql`make_interval(mins => ${bufferMinutes})`;
  const gap = sql`case when ${inPerson} or (m.location is not null and m.video_url is null)
    then make_interval(mins => ${bufferMinutes}) else interval '0' end`;
  const excluded =
    excludeMeetingIds.length > 0
      ? sql`and a.meeting_id <> all(${sql`array[${sql.join(
          excludeMeetingIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}]`})`
      : sql``;
  const rows = await executor.execute<{
    user_id: string;
    user_name: string;
    meeting_id: string;
    title: string;
    starts_at: string;
    ends_at: string;
  }>(sql`
    select distinct on (a.user_id, a.meeting_id)
      a.user_id, u.name as user_name, a.meeting_id, m.title, a.starts_at, a.ends_at
    from (values ${wanted}) as w(starts_at, ends_at)
    join meeting_attendees a
      on a.user_id = any(${sql`array[${sql.join(
        userIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}]`})
      and a.busy
      and a.starts_at < w.ends_at + ${most}
      and a.starts_at > w.starts_at - ${longestMeeting} - ${most}
    join meetings m on m.id = a.meeting_id
    join users u on u.id = a.user_id
    where a.starts_at < w.ends_at + ${gap} and a.ends_at + ${gap} > w.starts_at ${excluded}
    order by a.user_id, a.meeting_id, a.starts_at`);
  return rows
    .map((row) => ({
      userId: row.user_id,
      userName: row.user_name,
      meetingId: row.meeting_id,
      title: row.title,
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
    }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
