import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { contacts, meetingAttendees, meetingContacts, meetings, meetingSeries } from '@/db/schema';
import type { MeetingKind } from '@/lib/meetings';
import { expandRecurrence } from '@/lib/recurrence';
import { addDays, localDateOf, startOfWeek, zonedTimeToInstant } from '@/lib/zoned-time';

type Transaction = Parameters<
  Parameters<PostgresJsDatabase<Record<string, never>>['transaction']>[0]
>[0];

type DemoClient = { id: string; name: string; status: string; coordinatorId: string | null };
type People = { coordinatorId: string; executiveId: string; managerId: string; others: string[] };

/** Who the demo meetings invite: the three sign-ins, then the rest of the active team. */
function demoMeetingPeople(team: { id: string; email: string; active: boolean }[]): People {
  const idOf = (email: string) => team.find((user) => user.email === email)?.id ?? '';
  const signIns = ['coordinator@accord.test', 'executive@accord.test', 'manager@accord.test'];
  return {
    coordinatorId: idOf(signIns[0]!),
    executiveId: idOf(signIns[1]!),
    managerId: idOf(signIns[2]!),
    others: team
      .filter((user) => user.active && !signIns.includes(user.email))
      .map((user) => user.id),
  };
}

type Planned = {
  day: number;
  start: string;
  end: string;
  kind: MeetingKind;
  title: string;
  people: (keyof Omit<People, 'others'> | number)[];
  location?: string;
  timeZone?: string;
};

// This week's and next week's days (0 is Monday), spread over the demo sign-ins and the team.
const plan: Planned[] = [
  {
    day: 0,
    start: '10:00',
    end: '11:00',
    kind: 'meeting',
    title: 'Kick-off',
    people: ['coordinatorId', 'executiveId'],
  },
  {
    day: 0,
    start: '14:00',
    end: '14:30',
    kind: 'call',
    title: 'Budget check-in',
    people: ['executiveId', 0],
  },
  {
    day: 1,
    start: '09:30',
    end: '10:30',
    kind: 'demo',
    title: 'Campaign dashboard demo',
    people: ['coordinatorId', 'executiveId', 'managerId'],
  },
  // The overlap: the executive is in two places at once, saved on purpose.
  {
    day: 1,
    start: '10:00',
    end: '11:00',
    kind: 'call',
    title: 'Renewal call',
    people: ['executiveId'],
  },
  {
    day: 2,
    start: '13:00',
    end: '14:30',
    kind: 'presentation',
    title: 'Creative presentation',
    people: ['coordinatorId', 'executiveId', 1],
    location: 'Client HQ, 4th floor',
  },
  {
    day: 3,
    start: '11:00',
    end: '11:45',
    kind: 'call',
    title: 'Media plan review',
    people: ['coordinatorId', 2],
    timeZone: 'America/New_York',
  },
  {
    day: 4,
    start: '15:00',
    end: '16:00',
    kind: 'meeting',
    title: 'Quarterly business review',
    people: ['managerId', 'executiveId'],
  },
  {
    day: 7,
    start: '10:00',
    end: '11:00',
    kind: 'demo',
    title: 'Analytics demo',
    people: ['coordinatorId', 'executiveId'],
  },
  {
    day: 8,
    start: '09:00',
    end: '09:30',
    kind: 'call',
    title: 'Launch readiness call',
    people: ['coordinatorId', 3],
  },
  {
    day: 9,
    start: '14:00',
    end: '15:30',
    kind: 'presentation',
    title: 'Pitch rehearsal',
    people: ['executiveId', 'managerId', 'coordinatorId'],
    location: 'Studio B',
  },
  {
    day: 10,
    start: '16:00',
    end: '16:30',
    kind: 'call',
    title: 'Contract questions',
    people: ['executiveId'],
  },
  {
    day: 11,
    start: '11:00',
    end: '12:00',
    kind: 'meeting',
    title: 'Planning workshop',
    people: ['coordinatorId', 'managerId', 0],
  },
];

/** This week's and next week's meetings, calls and demos, one overlap and a weekly call. */
export async function seedDemoMeetings(
  tx: Transaction,
  demoClients: DemoClient[],
  team: { id: string; email: string; active: boolean }[],
  now = new Date(),
) {
  const people = demoMeetingPeople(team);
  // The demo coordinator's own accounts first, so their calendar shows under either visibility.
  const open = demoClients.filter((client) => client.status !== 'churned');
  const clients = [
    ...open.filter((client) => client.coordinatorId === people.coordinatorId),
    ...open.filter((client) => client.coordinatorId !== people.coordinatorId),
  ].slice(0, plan.length);
  if (clients.length === 0) return;
  const primaries = await tx
    .select({ id: contacts.id, clientId: contacts.clientId })
    .from(contacts)
    .where(
      and(
        inArray(
          contacts.clientId,
          clients.map((client) => client.id),
        ),
        eq(contacts.isPrimary, true),
      ),
    );
  const contactsByClient = new Map(primaries.map((contact) => [contact.clientId, contact.id]));
  const monday = startOfWeek(localDateOf(now, 'UTC'));
  const personOf = (key: Planned['people'][number]) =>
    typeof key === 'number' ? people.others[key % Math.max(1, people.others.length)] : people[key];

  for (const [index, item] of plan.entries()) {
    const client = clients[index % clients.length]!;
    const zone = item.timeZone ?? 'UTC';
    const date = addDays(monday, item.day);
    const startsAt = zonedTimeToInstant(date, item.start, zone);
    const endsAt = zonedTimeToInstant(date, item.end, zone);
    const past = endsAt < now;
    const [row] = await tx
      .insert(meetings)
      .values({
        kind: item.kind,
        title: `${item.title}: ${client.name}`,
        clientId: client.id,
        organizerId: people.coordinatorId,
        timeZone: zone,
        startsAt,
        endsAt,
        location: item.location ?? null,
        videoUrl: item.location ? null : 'meet.example.com/accord-demo',
        agenda: `- Where we are\n- Decisions needed\n- Next steps`,
        status: past ? 'completed' : 'scheduled',
        outcomeNotes: past ? 'Agreed next steps; follow-up scheduled.' : null,
        overlapAcknowledgedAt: item.title === 'Renewal call' ? now : null,
        overlapAcknowledgedBy: item.title === 'Renewal call' ? people.coordinatorId : null,
      })
      .returning({ id: meetings.id });
    const attendeeIds = [...new Set(item.people.map(personOf).filter(Boolean))] as string[];
    await tx.insert(meetingAttendees).values(
      attendeeIds.map((userId) => ({
        meetingId: row!.id,
        userId,
        startsAt,
        endsAt,
        busy: !past,
      })),
    );
    const contactId = contactsByClient.get(client.id);
    if (contactId) await tx.insert(meetingContacts).values({ meetingId: row!.id, contactId });
  }

  // A weekly status call on Thursdays, for six weeks from last week.
  const weekly = expandRecurrence(
    { frequency: 'weekly', interval: 1, weekdays: [4], count: 6 },
    addDays(monday, -7),
    '16:00',
    30,
    'UTC',
  );
  const [series] = await tx
    .insert(meetingSeries)
    .values({
      frequency: 'weekly',
      interval: 1,
      weekdays: [4],
      count: 6,
      timeZone: 'UTC',
      startTime: '16:00',
      durationMinutes: 30,
    })
    .returning({ id: meetingSeries.id });
  const client = clients[0]!;
  const calls = await tx
    .insert(meetings)
    .values(
      weekly.map((slot) => ({
        seriesId: series!.id,
        kind: 'call' as const,
        title: `Weekly status call: ${client.name}`,
        clientId: client.id,
        organizerId: people.coordinatorId,
        timeZone: 'UTC',
        startsAt: slot.start,
        endsAt: slot.end,
        videoUrl: 'meet.example.com/weekly-status',
        status: slot.end < now ? ('completed' as const) : ('scheduled' as const),
      })),
    )
    .returning({ id: meetings.id, startsAt: meetings.startsAt, endsAt: meetings.endsAt });
  await tx.insert(meetingAttendees).values(
    calls.flatMap((call) =>
      [people.coordinatorId, people.executiveId].map((userId) => ({
        meetingId: call.id,
        userId,
        startsAt: call.startsAt,
        endsAt: call.endsAt,
        busy: call.endsAt >= now,
      })),
    ),
  );
}
