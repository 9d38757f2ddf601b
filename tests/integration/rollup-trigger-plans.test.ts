import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createActor } from '../support/factories';

// The rollup triggers read a statement's changed rows from its transition tables. A plan that
// joins them by a nested loop compares every row with every other: a bulk statement over 100,000
// clients never finished. Each statement here is planned once on a single row first, as a session
// does, so a kept plan made for one row shows when it is reused for many.
type PlanNode = { 'Node Type': string; Plans?: PlanNode[] };
type ExplainedPlan = { 'Query Text': string; Plan: PlanNode };

const rows = 400;
let secondOwnerId = '';
const plans: ExplainedPlan[] = [];
const session = postgres(process.env.DATABASE_URL ?? '', {
  max: 1,
  onnotice: (notice) => {
    const message = String(notice.message ?? '');
    const start = message.indexOf('{');
    if (message.startsWith('duration:') && start >= 0) plans.push(JSON.parse(message.slice(start)));
  },
});

function readsTransitionTable(node: PlanNode): boolean {
  return (
    node['Node Type'] === 'Named Tuplestore Scan' || (node.Plans ?? []).some(readsTransitionTable)
  );
}

/** Nested loops whose inner side reads a transition table once per outer row. */
function quadraticJoins(node: PlanNode): PlanNode[] {
  const children = node.Plans ?? [];
  const own =
    node['Node Type'] === 'Nested Loop' && children[1] && readsTransitionTable(children[1])
      ? [node]
      : [];
  return [...own, ...children.flatMap(quadraticJoins)];
}

beforeAll(async () => {
  const [first, second] = await Promise.all([createActor('executive'), createActor('executive')]);
  await session`
    insert into clients (name, status, owner_id)
    select 'Plan client ' || i, 'active', ${first.id}::uuid from generate_series(1, ${rows}) i`;
  await session`
    insert into proposals (client_id, title, body, amount_cents, status, sent_at)
    select id, 'Proposal for ' || name, 'Scope.', 100000, 'sent', now() - interval '2 days'
    from clients where name like 'Plan client %'`;
  await session`
    insert into proposal_reviews (proposal_id, version_number, decision, submitted_at, created_at)
    select id, 1, 'approved', now() - interval '3 days', now() - interval '2 days' from proposals`;
  await session`
    insert into feedback (client_id, channel, sentiment, body, status, routed_at, acknowledge_due_at)
    select id, 'email', 'neutral', 'Heard on a call.', 'routed', now() - interval '1 day', now()
    from clients where name like 'Plan client %'`;
  await session`
    insert into invoices (client_id, currency, status, issue_date, due_date, payment_terms_days,
      tax_rounding, prices_include_tax, total_cents)
    select id, 'USD', 'issued', current_date - 5, current_date + 9, 14, 'line', false, 120000
    from clients where name like 'Plan client %'`;
  await session`load 'auto_explain'`;
  await session`set auto_explain.log_min_duration = 0`;
  await session`set auto_explain.log_nested_statements = on`;
  await session`set auto_explain.log_format = json`;
  await session`set auto_explain.log_level = notice`;
  await session`set client_min_messages = notice`;
  secondOwnerId = second.id;
});

afterAll(async () => {
  await session.end();
});

it('joins no transition table row by row, whether a bulk statement changes counted columns or not', async () => {
  const statements = [
    // Nothing a rollup counts.
    (limit: number) =>
      session`update clients set next_step = 'Call back' where id in (select id from clients order by id limit ${limit})`,
    (limit: number) =>
      session`update proposals set title = title || '.' where id in (select id from proposals order by id limit ${limit})`,
    (limit: number) =>
      session`update proposal_reviews set comment = 'Fine.' where id in (select id from proposal_reviews order by id limit ${limit})`,
    (limit: number) =>
      session`update feedback set category = 'Service' where id in (select id from feedback order by id limit ${limit})`,
    (limit: number) =>
      session`update invoices set notes = 'Thanks.' where id in (select id from invoices order by id limit ${limit})`,
    // What the rollups count: an account reassigned, a send moved, an acknowledgement, invoices
    // overdue.
    (limit: number) =>
      session`update clients set owner_id = ${secondOwnerId}::uuid where id in (select id from clients where owner_id is not null order by id limit ${limit})`,
    (limit: number) =>
      session`update proposals set sent_at = sent_at + interval '1 hour' where id in (select id from proposals order by id limit ${limit})`,
    (limit: number) =>
      session`update proposal_reviews set created_at = created_at + interval '1 hour' where id in (select id from proposal_reviews order by id limit ${limit})`,
    (limit: number) =>
      session`update feedback set acknowledged_at = now() where id in (select id from feedback order by id limit ${limit})`,
    (limit: number) =>
      session`update invoices set status = 'overdue', due_date = due_date - 30 where id in (select id from invoices order by id limit ${limit})`,
  ];
  for (const statement of statements) await statement(1);
  plans.length = 0;
  for (const statement of statements) await statement(rows);

  const triggered = plans.filter((plan) => readsTransitionTable(plan.Plan));
  // Every trigger's check and upserts were explained, so the assertion below is not vacuous.
  expect(triggered.length).toBeGreaterThanOrEqual(statements.length);
  const quadratic = triggered
    .filter((plan) => quadraticJoins(plan.Plan).length > 0)
    .map((plan) => plan['Query Text'].trim().slice(0, 120));
  expect(quadratic).toEqual([]);
});
