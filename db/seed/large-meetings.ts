import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database, LargeSeedSize } from './large';

type Executor = Pick<Database, 'execute'>;

/** Meetings start on this many days: three years back and one ahead. */
const spanDays = 4 * 365;

/**
 * `size.meetings` meetings over the clients and active users already there, in working hours
 * (08:00–17:30 UTC) across four years (three back, one ahead), each with two attendees; the first
 * executive by name is also on every `size.busyEvery`-th meeting, so one person's week is full.
 * Past meetings are completed (one in twenty cancelled); attendees of those are no longer busy.
 */
export async function seedLargeMeetings(
  db: Executor,
  log: (message: string) => void,
  size: LargeSeedSize,
) {
  log('meetings…');
  const perDay = Math.ceil(size.meetings / spanDays);
  await db.execute(sql`
    create temp table large_meetings as
    with team as (select array_agg(id order by name) as ids from users where active),
         accounts as (select array_agg(id order by id) as ids from clients)
    select gen_random_uuid() as id, i,
      team.ids[1 + i % cardinality(team.ids)] as first_id,
      team.ids[1 + (i / 3 + 1) % cardinality(team.ids)] as second_id,
      accounts.ids[1 + (i * 7919) % cardinality(accounts.ids)] as client_id,
      date_trunc('day', now()) - interval '${sql.raw(String(3 * 365))} days'
        + make_interval(days => (i / ${perDay})::int, hours => 8 + (i % 19) / 2, mins => (i % 2) * 30) as starts_at,
      make_interval(mins => 30 * (1 + i % 3)) as length
    from generate_series(0, ${size.meetings - 1}) as i, team, accounts
  `);
  await db.execute(sql`
    insert into meetings (id, kind, title, client_id, organizer_id, time_zone, starts_at, ends_at,
      location, video_url, status, outcome_notes, sequence)
    select id,
      (array['meeting', 'call', 'demo', 'presentation'])[1 + i % 4]::meeting_kind,
      (array['Status call', 'Quarterly review', 'Product demo', 'Creative presentation',
        'Planning session', 'Budget check-in'])[1 + i % 6],
      client_id, first_id, 'UTC', starts_at, starts_at + length,
      case when i % 5 = 0 then 'Client office' end,
      case when i % 5 <> 0 then 'meet.example.com/' || i end,
      case when starts_at + length > now() then (case when i % 20 = 0 then 'cancelled' else 'scheduled' end)
        when i % 20 = 0 then 'cancelled' else 'completed' end::meeting_status,
      case when starts_at + length <= now() and i % 20 <> 0 then 'Agreed next steps.' end,
      i % 3
    from large_meetings
  `);
  log('meeting attendees…');
  await db.execute(sql`
    insert into meeting_attendees (meeting_id, user_id, starts_at, ends_at, busy)
    select m.id, person, m.starts_at, m.starts_at + m.length, meetings.status = 'scheduled'
    from large_meetings m
    join meetings on meetings.id = m.id
    cross join lateral (values (m.first_id), (m.second_id),
      (case when m.i % ${size.busyEvery} = 0 then (
        select id from users where role = 'executive' and active order by name limit 1) end)) as who(person)
    where person is not null
    on conflict do nothing
  `);
  await db.execute(sql`
    insert into meeting_contacts (meeting_id, contact_id)
    select m.id, c.id from large_meetings m
    join lateral (select id from contacts where client_id = m.client_id order by name limit 1) c on true
    where m.i % 2 = 0
  `);
  await db.execute(sql`drop table large_meetings`);
}
