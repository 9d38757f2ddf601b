import postgres from 'postgres';

let sql: postgres.Sql | undefined;
function database() {
  sql ??= postgres(process.env.E2E_DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
  return sql;
}

/** Someone else's edit of a client, behind the list's back. */
export async function touchClient(clientId: string) {
  await database()`update clients set version = version + 1, updated_at = now() where id = ${clientId}`;
}

export async function tagNamesOf(clientId: string) {
  const rows = await database()`
    select t.name from client_tags ct join tags t on t.id = ct.tag_id where ct.client_id = ${clientId}`;
  return rows.map((row) => String(row.name));
}
