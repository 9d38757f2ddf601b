import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { meetings } from '@/db/schema';
import { roles } from '@/lib/roles';
import { listClientMeetings } from '@/server/meetings/queries';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { asCurrentUser, createActor, createUser } from '../support/factories';
import { daysFromToday, scheduleMeeting } from '../support/meeting-factories';

const titles = (rows: { title: string }[]) => rows.map((row) => row.title);

/** A client with two meetings ahead (one of them cancelled later), two behind, and one elsewhere. */
async function clientWithMeetings(clientOverrides: Parameters<typeof createClientRecord>[0] = {}) {
  const organiser = await createActor('manager');
  const client = await createClientRecord(clientOverrides);
  const at = (title: string, days: number) =>
    scheduleMeeting(organiser, [organiser.id], {
      clientId: client.id,
      title,
      date: daysFromToday(days),
    });
  await at('Kick-off', -7);
  await at('Check-in', -1);
  await at('Planning', 2);
  const cancelled = await at('Cancelled review', 3);
  await db.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, cancelled.id));
  await at('Next quarter', 9);
  await scheduleMeeting(organiser, [organiser.id], {
    title: 'Another client',
    date: daysFromToday(1),
  });
  return client;
}

beforeEach(async () => {
  await setVisibility('open');
});

describe('the client page meetings', () => {
  it('lists the next scheduled ones soonest first and the latest that began newest first, for every role', async () => {
    const client = await clientWithMeetings();
    for (const role of roles) {
      const { upcoming, recent } = await listClientMeetings(await createActor(role), client.id);
      expect(titles(upcoming)).toEqual(['Planning', 'Next quarter']);
      expect(titles(recent)).toEqual(['Check-in', 'Kick-off']);
    }
  });

  it('shows nothing of an account the viewer does not see under `assigned`, and all to its coordinator', async () => {
    const coordinatorRow = await createUser({ role: 'coordinator' });
    const client = await clientWithMeetings({ coordinatorId: coordinatorRow.id });
    const outsider = await createActor('executive');
    await setVisibility('assigned');
    expect(await listClientMeetings(outsider, client.id)).toEqual({ upcoming: [], recent: [] });
    const own = await listClientMeetings(asCurrentUser(coordinatorRow), client.id);
    expect(titles(own.upcoming)).toEqual(['Planning', 'Next quarter']);
    expect(titles(own.recent)).toEqual(['Check-in', 'Kick-off']);
    const manager = await listClientMeetings(await createActor('manager'), client.id);
    expect(titles(manager.upcoming)).toHaveLength(2);
  });
});
