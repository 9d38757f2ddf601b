import 'server-only';
import { sql } from 'drizzle-orm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';

type Database = PostgresJsDatabase<Record<string, never>>;

/**
 * Feedback items (50,000 in the large seed) on its clients (a quarter resolved, a fifth overdue, spread
 * over the last 90 days) and tasks (100,000) over the team (a third done, some overdue), generated in
 * PostgreSQL. Added only when there are fewer; returns whether anything was added.
 */
export async function seedLargeFeedback(
  db: Database,
  log: (message: string) => void,
  size: { feedback: number; tasks: number },
) {
  const [counts] = await db.execute<{ feedback: number; tasks: number }>(
    sql`select (select count(*)::int from feedback) as feedback, (select count(*)::int from tasks) as tasks`,
  );
  const needsFeedback = (counts?.feedback ?? 0) < size.feedback;
  const needsTasks = (counts?.tasks ?? 0) < size.tasks;
  if (!needsFeedback && !needsTasks) return false;
  const team = sql`(select array_agg(id order by name) from users where active and role <> 'manager')`;
  await db.transaction(async (tx) => {
    if (needsFeedback) {
      log('feedback…');
      await tx.execute(sql`
        with picked as (
          select id, owner_id, row_number() over (order by id) as n from clients limit ${size.feedback}
        ), rows as (
          select p.id as client_id, coalesce(p.owner_id, team.ids[1 + p.n % cardinality(team.ids)]) as routed_to,
                 p.n, now() - ((p.n % 90) || ' days')::interval - ((p.n % 24) || ' hours')::interval as routed_at
          from picked p, (select ${team} as ids) team
        )
        insert into feedback (client_id, channel, sentiment, category, body, status, routed_to_id, routed_at,
                              acknowledge_due_at, acknowledged_at, resolve_due_at, resolved_at, resolution,
                              next_due_at, created_at, updated_at)
        select client_id,
          (array['call','email','meeting','survey','other'])[1 + n % 5]::feedback_channel,
          (array['positive','neutral','negative'])[1 + n % 3]::feedback_sentiment,
          (array['Reporting','Billing','Creative','Account service'])[1 + n % 4],
          'Feedback ' || n,
          (case when n % 4 = 0 then 'resolved' when n % 4 = 1 then 'acknowledged' else 'routed' end)::feedback_status,
          routed_to, routed_at,
          routed_at + interval '8 hours',
          case when n % 4 < 2 then routed_at + ((n % 12) || ' hours')::interval end,
          case when n % 5 = 0 then now() - interval '1 hour' else routed_at + interval '5 days' end,
          case when n % 4 = 0 then routed_at + ((n % 6) || ' days')::interval end,
          case when n % 4 = 0 then 'Answered.' end,
          case when n % 4 = 0 then null
               when n % 4 = 1 then case when n % 5 = 0 then now() - interval '1 hour' else routed_at + interval '5 days' end
               else routed_at + interval '8 hours' end,
          routed_at, routed_at
        from rows
      `);
    }
    if (needsTasks) {
      log('tasks…');
      await tx.execute(sql`
        with linked as (
          select id, row_number() over (order by id) as n from clients limit 1000
        )
        insert into tasks (title, due_at, assignee_id, status, completed_at, link_kind, link_id, client_id, created_at, updated_at)
        select 'Follow up ' || i,
          now() + (((i % 60) - 20) || ' days')::interval + ((i % 9) || ' hours')::interval,
          team.ids[1 + i % cardinality(team.ids)],
          (case when i % 3 = 0 then 'done' else 'open' end)::task_status,
          case when i % 3 = 0 then now() - interval '1 day' end,
          case when c.id is not null then 'client'::task_link_kind end,
          c.id, c.id, now(), now()
        from generate_series(1, ${size.tasks}) as i
        cross join (select ${team} as ids) team
        left join linked c on i % 2 = 0 and c.n = 1 + i % 1000
      `);
    }
  });
  return true;
}
