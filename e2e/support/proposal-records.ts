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
