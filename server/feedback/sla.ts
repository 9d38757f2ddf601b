import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { settings, users } from '@/db/schema';
import { addBusinessDays, addBusinessHours } from '@/lib/business-hours';
import { defaultFeedbackSla, type FeedbackSentiment, type FeedbackSla } from '@/lib/feedback';

export const feedbackSlaKey = 'feedback.sla';

/** The feedback SLA per sentiment (Admin → Settings), read with `executor`, with defaults. */
export async function readFeedbackSla(executor: Executor): Promise<FeedbackSla> {
  const [row] = await executor
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, feedbackSlaKey))
    .limit(1);
  return { ...defaultFeedbackSla, ...(row?.value as Partial<FeedbackSla> | undefined) };
}

/**
 * When feedback routed to `routedToId` at `routedAt` must be acknowledged and resolved: the SLA of
 * its sentiment counted in that user's working hours, days and time zone. Null for someone who is
 * not an active user.
 */
export async function slaDueTimes(
  executor: Executor,
  routedToId: string,
  sentiment: FeedbackSentiment,
  routedAt: Date,
) {
  const [routedTo] = await executor
    .select({
      timeZone: users.timeZone,
      workingHoursStart: users.workingHoursStart,
      workingHoursEnd: users.workingHoursEnd,
      workingDays: users.workingDays,
    })
    .from(users)
    .where(and(eq(users.id, routedToId), eq(users.active, true)));
  if (!routedTo) return null;
  const sla = (await readFeedbackSla(executor))[sentiment];
  return {
    acknowledgeDueAt: addBusinessHours(routedAt, sla.acknowledgeHours, routedTo),
    resolveDueAt: addBusinessDays(routedAt, sla.resolveDays, routedTo),
  };
}
