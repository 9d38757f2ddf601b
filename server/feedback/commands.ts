import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { clients, contacts, feedback, meetings, type Feedback } from '@/db/schema';
import {
  canTransitionFeedback,
  defaultFeedbackSla,
  feedbackSentimentLabels,
  type FeedbackTransition,
} from '@/lib/feedback';
import { truncate } from '@/lib/utils';
import {
  feedbackSlaSchema,
  feedbackStepSchema,
  logFeedbackSchema,
  resolveFeedbackSchema,
  routeFeedbackSchema,
} from '@/lib/validation/feedback';
import { defineAction, type ActionContext } from '@/server/action';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { lockVisibleClient, recordActivity } from '@/server/clients/records';
import { userSeesClient } from '@/server/clients/visibility';
import { ActionError, conflict, forbidden, notFound, staleRecord } from '@/server/errors';
import { notify } from '@/server/notifications/notify';
import { writeSetting } from '@/server/settings/commands';
import { feedbackSlaKey, slaDueTimes } from './sla';
import { visibleFeedback } from './visibility';

const noun = 'feedback';

/** Locks feedback the user may see, with its account's owner (who may resolve it too). */
async function lockVisibleFeedback(
  tx: Transaction,
  user: CurrentUser,
  id: string,
  version: number,
) {
  const [row] = await tx
    .select({ item: feedback, ownerId: clients.ownerId, clientName: clients.name })
    .from(feedback)
    .innerJoin(clients, eq(clients.id, feedback.clientId))
    .where(and(eq(feedback.id, id), await visibleFeedback(user)))
    .for('update', { of: feedback })
    .limit(1);
  if (!row) throw notFound(noun);
  if (row.item.version !== version) throw staleRecord(noun);
  return row;
}

function assertTransition(item: Feedback, transition: FeedbackTransition) {
  if (!canTransitionFeedback(item.status, transition)) {
    throw conflict(`This feedback is ${item.status} and cannot be ${transition}d now.`);
  }
}

/**
 * Routes feedback to `routedToId` from now: its SLA clock starts in that user's working time, and
 * they are told. The user must be active and see the account.
 */
async function routeTo(
  { tx, user }: ActionContext,
  item: Pick<Feedback, 'id' | 'clientId' | 'sentiment'>,
  routedToId: string,
  clientName: string,
) {
  const routedAt = new Date();
  const due = (await userSeesClient(tx, routedToId, item.clientId))
    ? await slaDueTimes(tx, routedToId, item.sentiment, routedAt)
    : null;
  if (!due) {
    throw new ActionError('Check the highlighted fields.', {
      routedToId: ['Choose an active user who sees this client.'],
    });
  }
  const changes = {
    status: 'routed' as const,
    routedToId,
    routedAt,
    ...due,
    nextDueAt: due.acknowledgeDueAt,
  };
  await notify(
    tx,
    [routedToId],
    {
      kind: 'feedback_routed',
      title: truncate(
        `${feedbackSentimentLabels[item.sentiment]} feedback from ${clientName}`,
        200,
      ),
      body: 'It was routed to you to answer.',
      href: `/feedback/${item.id}`,
      clientId: item.clientId,
    },
    user.id,
  );
  return changes;
}

/** Logs what a client said, routed to the chosen user or else the account owner. */
export const logFeedbackCommand = defineAction({
  schema: logFeedbackSchema,
  permission: 'feedback.write',
  async run(input, context) {
    const { tx, user, audit } = context;
    const client = await lockVisibleClient(tx, user, input.clientId);
    if (input.contactId) {
      const [contact] = await tx
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.id, input.contactId), eq(contacts.clientId, client.id)));
      if (!contact) {
        throw new ActionError('Check the highlighted fields.', {
          contactId: ['Choose a contact of this client.'],
        });
      }
    }
    if (input.meetingId) {
      const [meeting] = await tx
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.id, input.meetingId), eq(meetings.clientId, client.id)));
      if (!meeting) {
        throw new ActionError('Check the highlighted fields.', {
          meetingId: ['Choose a meeting with this client.'],
        });
      }
    }
    const [created] = await tx
      .insert(feedback)
      .values({
        clientId: client.id,
        contactId: input.contactId ?? null,
        meetingId: input.meetingId ?? null,
        channel: input.channel,
        sentiment: input.sentiment,
        category: input.category ?? null,
        body: input.body,
        loggedById: user.id,
      })
      .returning();
    if (!created) throw new Error('feedback not inserted');
    const routedToId = input.routedToId ?? client.ownerId;
    // With no owner and no one chosen it stays new, waiting for someone to route it.
    const routing = routedToId ? await routeTo(context, created, routedToId, client.name) : null;
    const [item] = routing
      ? await tx.update(feedback).set(routing).where(eq(feedback.id, created.id)).returning()
      : [created];
    await audit({
      action: 'feedback.logged',
      entityType: 'feedback',
      entityId: created.id,
      before: null,
      after: {
        clientId: client.id,
        sentiment: input.sentiment,
        channel: input.channel,
        routedToId: routing?.routedToId ?? null,
      },
    });
    await recordActivity(tx, {
      clientId: client.id,
      kind: 'feedback',
      subject: truncate(`${feedbackSentimentLabels[input.sentiment]} feedback logged`, 200),
      body: input.body,
      actorId: user.id,
    });
    return { id: created.id, status: item!.status };
  },
});

/** Routes (or reroutes) feedback that no one has acknowledged yet. */
export const routeFeedbackCommand = defineAction({
  schema: routeFeedbackSchema,
  permission: 'feedback.write',
  async run(input, context) {
    const { tx, audit } = context;
    const { item, clientName } = await lockVisibleFeedback(
      tx,
      context.user,
      input.id,
      input.version,
    );
    assertTransition(item, 'route');
    if (item.routedToId === input.routedToId) throw conflict('It is already routed to them.');
    const routing = await routeTo(context, item, input.routedToId, clientName);
    await tx
      .update(feedback)
      .set({ ...routing, version: item.version + 1 })
      .where(eq(feedback.id, item.id));
    await audit({
      action: 'feedback.routed',
      entityType: 'feedback',
      entityId: item.id,
      before: { status: item.status, routedToId: item.routedToId },
      after: { status: routing.status, routedToId: routing.routedToId },
    });
    return { id: item.id };
  },
});

/** Locks feedback and checks that the user may answer it: DESIGN.md §1's "resolve feedback". */
async function lockAnswerable(context: ActionContext, id: string, version: number) {
  const row = await lockVisibleFeedback(context.tx, context.user, id, version);
  if (
    !can(context.user, 'feedback.resolve', {
      routedToId: row.item.routedToId,
      ownerId: row.ownerId,
    })
  ) {
    throw forbidden(
      'Only the person it is routed to, the account owner or a manager may answer it.',
    );
  }
  return row;
}

/** The routed user (or the owner, or a manager) says they have it in hand: the resolve clock runs on. */
export const acknowledgeFeedbackCommand = defineAction({
  schema: feedbackStepSchema,
  // Acknowledging is the first half of answering, so it follows the same rule as resolving.
  permission: 'feedback.resolve',
  async run(input, context) {
    const { item } = await lockAnswerable(context, input.id, input.version);
    assertTransition(item, 'acknowledge');
    const acknowledgedAt = new Date();
    await context.tx
      .update(feedback)
      .set({
        status: 'acknowledged',
        acknowledgedAt,
        nextDueAt: item.resolveDueAt,
        version: item.version + 1,
      })
      .where(eq(feedback.id, item.id));
    await context.audit({
      action: 'feedback.acknowledged',
      entityType: 'feedback',
      entityId: item.id,
      before: { status: item.status },
      after: { status: 'acknowledged' },
    });
    return { id: item.id };
  },
});

/** Closes feedback with what was done about it; resolving unacknowledged feedback acknowledges it too. */
export const resolveFeedbackCommand = defineAction({
  schema: resolveFeedbackSchema,
  permission: 'feedback.resolve',
  async run(input, context) {
    const { tx, user, audit } = context;
    const { item } = await lockAnswerable(context, input.id, input.version);
    assertTransition(item, 'resolve');
    const resolvedAt = new Date();
    await tx
      .update(feedback)
      .set({
        status: 'resolved',
        resolution: input.resolution,
        resolvedAt,
        resolvedById: user.id,
        acknowledgedAt: item.acknowledgedAt ?? resolvedAt,
        nextDueAt: null,
        version: item.version + 1,
      })
      .where(eq(feedback.id, item.id));
    await audit({
      action: 'feedback.resolved',
      entityType: 'feedback',
      entityId: item.id,
      before: { status: item.status },
      after: { status: 'resolved', resolution: input.resolution },
    });
    await recordActivity(tx, {
      clientId: item.clientId,
      kind: 'feedback',
      subject: truncate(`${feedbackSentimentLabels[item.sentiment]} feedback resolved`, 200),
      body: input.resolution,
      actorId: user.id,
    });
    return { id: item.id };
  },
});

/** Admin → Settings: hours to acknowledge and business days to resolve, per sentiment. */
export const setFeedbackSlaCommand = defineAction({
  schema: feedbackSlaSchema,
  permission: 'settings.manage',
  async run(input, context) {
    await writeSetting(context, feedbackSlaKey, input, defaultFeedbackSla, (stored) => stored);
    return input;
  },
});
