import 'server-only';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { feedback, tasks, type NewFeedback, type NewTask } from '@/db/schema';

type Transaction = Parameters<
  Parameters<PostgresJsDatabase<Record<string, never>>['transaction']>[0]
>[0];

type DemoClient = { id: string; name: string; ownerId: string | null };

const hour = 3_600_000;
const day = 24 * hour;

/**
 * Feedback in every state (one negative item overdue, so the escalation and the red "overdue"
 * show on first sign-in) and tasks due, overdue and done, for the demo coordinator and executive.
 */
export async function seedDemoFeedback(
  tx: Transaction,
  demoClients: DemoClient[],
  people: { coordinatorId: string | null; executiveId: string | null },
  now = Date.now(),
) {
  const owned = demoClients.filter((client) => client.ownerId);
  if (owned.length < 4 || !people.coordinatorId || !people.executiveId) return;
  const at = (offset: number) => new Date(now + offset);
  const routedTo = people.executiveId;
  const items: NewFeedback[] = [
    {
      clientId: owned[0]!.id,
      channel: 'call',
      sentiment: 'negative',
      category: 'Reporting',
      body: 'The monthly performance report arrived a week late, again. They want a fixed date.',
      status: 'routed',
      routedToId: routedTo,
      routedAt: at(-2 * day),
      acknowledgeDueAt: at(-day),
      resolveDueAt: at(day),
      nextDueAt: at(-day),
    },
    {
      clientId: owned[1]!.id,
      channel: 'email',
      sentiment: 'neutral',
      category: 'Creative',
      body: 'They like the new concepts but would prefer fewer stock photos.',
      status: 'acknowledged',
      routedToId: routedTo,
      routedAt: at(-day),
      acknowledgeDueAt: at(-day + 8 * hour),
      acknowledgedAt: at(-day + 2 * hour),
      resolveDueAt: at(4 * day),
      nextDueAt: at(4 * day),
    },
    {
      clientId: owned[2]!.id,
      channel: 'survey',
      sentiment: 'positive',
      category: 'Account service',
      body: 'Rated the account team 9/10 in the quarterly survey.',
      status: 'resolved',
      routedToId: routedTo,
      routedAt: at(-10 * day),
      acknowledgeDueAt: at(-9 * day),
      acknowledgedAt: at(-10 * day + hour),
      resolveDueAt: at(-day),
      resolvedAt: at(-8 * day),
      resolvedById: routedTo,
      resolution: 'Thanked them and shared the result with the team.',
    },
    {
      clientId: owned[3]!.id,
      channel: 'meeting',
      sentiment: 'negative',
      category: 'Billing',
      body: 'Invoice references do not match their purchase orders.',
      status: 'routed',
      routedToId: people.coordinatorId,
      routedAt: at(-hour),
      acknowledgeDueAt: at(3 * hour),
      resolveDueAt: at(3 * day),
      nextDueAt: at(3 * hour),
    },
    {
      clientId: owned[3]!.id,
      channel: 'other',
      sentiment: 'neutral',
      body: 'Heard at a trade fair that they are reviewing agencies next year.',
      status: 'new',
    },
  ];
  const created = await tx
    .insert(feedback)
    .values(items.map((item) => ({ ...item, loggedById: people.coordinatorId })))
    .returning({ id: feedback.id, clientId: feedback.clientId });
  const demoTasks: Omit<NewTask, 'createdById'>[] = [
    {
      title: 'Agree a fixed report date',
      dueAt: at(-3 * hour),
      assigneeId: people.executiveId,
      linkKind: 'feedback',
      linkId: created[0]!.id,
      clientId: created[0]!.clientId,
    },
    {
      title: 'Send revised concepts',
      dueAt: at(2 * hour),
      assigneeId: people.coordinatorId,
      linkKind: 'client',
      linkId: owned[1]!.id,
      clientId: owned[1]!.id,
    },
    {
      title: 'Match invoice references to POs',
      dueAt: at(-day),
      assigneeId: people.coordinatorId,
      linkKind: 'feedback',
      linkId: created[3]!.id,
      clientId: created[3]!.clientId,
    },
    {
      title: 'Book the quarterly review room',
      dueAt: at(3 * day),
      assigneeId: people.coordinatorId,
    },
    {
      title: 'Share survey results with the team',
      dueAt: at(-7 * day),
      assigneeId: people.executiveId,
      status: 'done',
      completedAt: at(-7 * day),
    },
  ];
  await tx
    .insert(tasks)
    .values(demoTasks.map((task) => ({ ...task, createdById: people.coordinatorId })));
}
