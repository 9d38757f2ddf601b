import postgres from 'postgres';

let sql: postgres.Sql | undefined;
function database() {
  sql ??= postgres(process.env.E2E_DATABASE_URL ?? '', { max: 2, onnotice: () => {} });
  return sql;
}

type DealOptions = {
  stage: 'lead' | 'qualified' | 'proposal' | 'negotiation' | 'won' | 'lost';
  amountCents: number;
  probability: number;
  ownerId?: string;
  coordinatorId?: string;
  /** For won and lost deals: when they closed. */
  closedDaysAgo?: number;
};

/** A deal inserted straight into the test database. */
export async function createDeal(clientId: string, name: string, options: DealOptions) {
  const closed = options.stage === 'won' || options.stage === 'lost';
  await database()`
    insert into deals (client_id, name, stage, amount_cents, probability, owner_id, coordinator_id,
                       lost_reason, closed_at)
    values (${clientId}, ${name}, ${options.stage}, ${options.amountCents}, ${options.probability},
            ${options.ownerId ?? null}, ${options.coordinatorId ?? null},
            ${options.stage === 'lost' ? 'Budget cut' : null},
            ${closed ? database()`now() - make_interval(days => ${options.closedDaysAgo ?? 0})` : null})`;
}

/** A proposal waiting for `reviewerId`, with one earlier decision `turnaroundHours` after its submission. */
export async function createProposalInReview(
  clientId: string,
  title: string,
  options: { authorId: string; reviewerId: string; turnaroundHours: number },
) {
  const [row] = await database()`
    insert into proposals (client_id, title, body, status, author_id, reviewer_id, submitted_at,
                           review_due_at, version_count)
    values (${clientId}, ${title}, 'Body', 'in_review', ${options.authorId}, ${options.reviewerId},
            now(), now() + interval '1 day', 2)
    returning id`;
  await database()`
    insert into proposal_reviews (proposal_id, version_number, reviewer_id, decision, comment,
                                  submitted_at, created_at)
    values (${String(row?.id)}, 1, ${options.reviewerId}, 'changes_requested', 'Tighten the scope.',
            now() - interval '2 days' - make_interval(hours => ${options.turnaroundHours}),
            now() - interval '2 days')`;
}
