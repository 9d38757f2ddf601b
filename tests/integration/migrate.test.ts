import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import { createDatabase, dropDatabase } from '@/scripts/lib/test-database';

describe('migrations', () => {
  it('are safe when two instances start together', async () => {
    const adminUrl = inject('databaseAdminUrl');
    const name = `accord_migrate_${randomUUID().slice(0, 8)}`;
    const url = await createDatabase(adminUrl, name);
    try {
      await Promise.all([migrateDatabase(url), migrateDatabase(url)]);
      const sql = postgres(url, { max: 1 });
      const applied = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
      const tables =
        await sql`select count(*)::int as n from information_schema.tables where table_name = 'users'`;
      await sql.end();
      expect(applied[0]?.n).toBeGreaterThanOrEqual(1);
      expect(tables[0]?.n).toBe(1);
    } finally {
      await dropDatabase(adminUrl, name);
    }
  });
});
