import { createHash, randomBytes } from 'node:crypto';
import postgres from 'postgres';

let sql: postgres.Sql | undefined;
function database() {
  sql ??= postgres(process.env.E2E_DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
  return sql;
}

/**
 * One record of each kind whose shown text is `name` (one line) or `body` (many, Markdown where
 * the page renders it), inserted straight into the test database and coordinated by `userId` so
 * they see them under any visibility. The proposal is shared: its client link comes back too.
 */
export async function createRecordsShowing(userId: string, name: string, body: string) {
  const db = database();
  const token = randomBytes(32).toString('base64url');
  const tokenHash = createHash('sha256').update(token).digest('hex');
  const [client] = await db`
    insert into clients (name, status, coordinator_id, notes) values (${name}, 'active', ${userId}, ${body})
    returning id`;
  const clientId = String(client?.id);
  await db`insert into contacts (client_id, name, title) values (${clientId}, ${name}, ${name})`;
  await db`insert into deals (client_id, name, stage, probability, amount_cents, coordinator_id)
           values (${clientId}, ${name}, 'qualified', 25, 100000, ${userId})`;
  const [proposal] = await db`
    insert into proposals (client_id, title, body, amount_cents, valid_until, status, author_id,
                           sent_at, share_token_hash, share_link_created_at)
    values (${clientId}, ${name}, ${body}, 1200000, '2099-12-31', 'sent', ${userId}, now(),
            ${tokenHash}, now())
    returning id`;
  const [meeting] = await db`
    insert into meetings (title, kind, client_id, organizer_id, time_zone, starts_at, ends_at, agenda)
    values (${name}, 'meeting', ${clientId}, ${userId}, 'UTC', now() + interval '1 day',
            now() + interval '1 day 1 hour', ${body})
    returning id`;
  const [feedback] = await db`
    insert into feedback (client_id, channel, sentiment, category, body)
    values (${clientId}, 'email', 'negative', ${name.slice(0, 80)}, ${body})
    returning id`;
  const [material] = await db`
    insert into materials (client_id, kind, title, brief, requested_by_id)
    values (${clientId}, 'one_pager', ${name}, ${body}, ${userId})
    returning id`;
  const [campaign] = await db`
    insert into campaigns (client_id, name, goal, currency, coordinator_id)
    values (${clientId}, ${name}, ${body}, 'USD', ${userId})
    returning id`;
  const [task] = await db`
    insert into tasks (title, assignee_id, created_by_id, client_id, link_kind, link_id)
    values (${name}, ${userId}, ${userId}, ${clientId}, 'client', ${clientId})
    returning id`;
  return {
    clientId,
    proposalId: String(proposal?.id),
    meetingId: String(meeting?.id),
    feedbackId: String(feedback?.id),
    materialId: String(material?.id),
    campaignId: String(campaign?.id),
    taskId: String(task?.id),
    shareLink: `/p/${token}`,
  };
}

export async function countClientsNamed(name: string) {
  const [row] = await database()`select count(*)::int as n from clients where name = ${name}`;
  return Number(row?.n);
}
