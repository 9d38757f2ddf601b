import postgres from 'postgres';

export type TableFingerprints = Record<string, { rows: number; md5: string | null }>;

/** Every table of every schema with its row count and an md5 of its rows in a fixed order. */
export async function tableFingerprints(url: string): Promise<TableFingerprints> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ schema: string; name: string }[]>`
      select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2`;
    const fingerprints: TableFingerprints = {};
    for (const { schema, name } of tables) {
      const [row] = await sql<{ rows: number; md5: string | null }[]>`
        select count(*)::int as rows, md5(string_agg(t::text, E'\n' order by t::text)) as md5
        from ${sql(schema)}.${sql(name)} t`;
      fingerprints[`${schema}.${name}`] = row ?? { rows: 0, md5: null };
    }
    return fingerprints;
  } finally {
    await sql.end();
  }
}
