import postgres from 'postgres';

let sql: postgres.Sql | undefined;
function database() {
  sql ??= postgres(process.env.E2E_DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
  return sql;
}

/** An accepted proposal inserted straight into the test database, ready to become a contract. */
export async function createAcceptedProposal(
  clientId: string,
  proposal: { title: string; body: string; amountCents: number },
) {
  const [row] = await database()`
    insert into proposals (client_id, title, body, amount_cents, status, responded_at, responder_name)
    values (${clientId}, ${proposal.title}, ${proposal.body}, ${proposal.amountCents}, 'accepted', now(), 'Jordan Client')
    returning id`;
  return { id: String(row?.id) };
}
