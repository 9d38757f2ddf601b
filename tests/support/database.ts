import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { createDatabase, dropDatabase } from '@/scripts/lib/test-database';

// Runs before each test file is imported: point the app's db client at a fresh copy of the
// migrated template, so files run in parallel without seeing each other's rows.
const adminUrl = inject('databaseAdminUrl');
const name = `accord_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
process.env.DATABASE_URL = await createDatabase(adminUrl, name, inject('templateDatabase'));
// Uploaded and seeded files go to a folder of this test file's own, never the dev data folder.
process.env.ACCORD_FILES_DIR = mkdtempSync(path.join(os.tmpdir(), 'accord-files-'));

afterAll(async () => {
  await dropDatabase(adminUrl, name);
});
