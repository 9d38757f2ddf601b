import { createHash, randomBytes } from 'node:crypto';
import postgres from 'postgres';

let sql: postgres.Sql | undefined;
function database() {
  sql ??= postgres(process.env.E2E_DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
  return sql;
}

/** A proposal row inserted straight into the test database, for pages that only read one. */
export async function createProposalRow(
  clientId: string,
  proposal: { title: string; body: string; amountCents: number; validUntil: string },
) {
  const [row] = await database()`
    insert into proposals (client_id, title, body, amount_cents, valid_until)
    values (${clientId}, ${proposal.title}, ${proposal.body}, ${proposal.amountCents}, ${proposal.validUntil})
    returning id`;
  return { id: String(row?.id) };
}

type SharedStatus = 'sent' | 'accepted' | 'declined' | 'expired';

/**
 * A proposal with a client link, inserted straight into the test database. Accord keeps only the
 * token's hash, so the link is known only here, as when it is made in the app.
 */
export async function createSharedProposalRow(
  clientId: string,
  proposal: {
    title: string;
    body: string;
    status: SharedStatus;
    authorId: string;
    validUntil?: string;
    respondedDaysAgo?: number;
    responderName?: string;
  },
) {
  const token = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(token).digest('hex');
  const respondedAt =
    proposal.respondedDaysAgo === undefined
      ? null
      : new Date(Date.now() - proposal.respondedDaysAgo * 24 * 60 * 60 * 1000);
  const [row] = await database()`
    insert into proposals (client_id, title, body, amount_cents, valid_until, status, author_id,
                           sent_at, share_token_hash, share_link_created_at, responded_at, responder_name)
    values (${clientId}, ${proposal.title}, ${proposal.body}, 1200000,
            ${proposal.validUntil ?? '2099-12-31'}, ${proposal.status}, ${proposal.authorId},
            now(), ${hash}, now(), ${respondedAt}, ${proposal.responderName ?? null})
    returning id`;
  return { id: String(row?.id), link: `/p/${token}` };
}

/** Requests for a proposal's client link, and how many of them were real views. */
export async function readViewTotals(proposalId: string) {
  const [row] = await database()`
    select requests, views from proposal_view_totals where proposal_id = ${proposalId}`;
  return { requests: Number(row?.requests ?? 0), views: Number(row?.views ?? 0) };
}

/** Deletes a proposal behind the app's back, as another session's change would. */
export async function deleteProposalRow(id: string) {
  await database()`delete from proposals where id = ${id}`;
}
