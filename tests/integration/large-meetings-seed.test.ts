import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, expect, it } from 'vitest';
import { seedDemo } from '@/db/seed/demo';
import { largeSeedSize } from '@/db/seed/large';
import { seedLargeMeetings } from '@/db/seed/large-meetings';

const client = postgres(process.env.DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
const seedDb = drizzle(client);

afterAll(async () => {
  await client.end();
});

it('adds meetings with attendees in working hours, busy only while scheduled', async () => {
  await seedDemo(seedDb);
  await client`delete from meetings`;
  await seedLargeMeetings(seedDb, () => {}, { ...largeSeedSize, meetings: 6_000, busyEvery: 10 });
  const [counts] = await client`
    select (select count(*)::int from meetings) as meetings,
           (select count(distinct meeting_id)::int from meeting_attendees) as attended,
           (select count(*)::int from meeting_attendees a join meetings m on m.id = a.meeting_id
              where a.busy <> (m.status = 'scheduled') or a.starts_at <> m.starts_at) as inconsistent,
           (select count(*)::int from meetings where extract(hour from starts_at at time zone 'UTC') not between 8 and 17) as off_hours,
           (select count(distinct status)::int from meetings) as statuses,
           (select count(*)::int from meetings where ends_at <= starts_at) as backwards`;
  expect(counts).toEqual({
    meetings: 6_000,
    attended: 6_000,
    inconsistent: 0,
    off_hours: 0,
    statuses: 3,
    backwards: 0,
  });
  const [busiest] = await client`
    select count(*)::int as n from meeting_attendees a join users u on u.id = a.user_id
    where u.email = 'executive@accord.test' or u.id = (select id from users where role = 'executive' and active order by name limit 1)
    group by u.id order by n desc limit 1`;
  expect(busiest?.n).toBeGreaterThanOrEqual(600);
});
