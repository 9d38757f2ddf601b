import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '@/db/migrate';
import { acquireTestServer, createDatabase, dropDatabase } from '@/scripts/lib/test-database';

export const templateDatabase = `accord_test_template_${process.pid}`;

/** One migrated template per run; each test file copies it into a database of its own. */
export default async function setup(project: TestProject) {
  const server = await acquireTestServer();
  const templateUrl = await createDatabase(server.adminUrl, templateDatabase);
  await migrateDatabase(templateUrl);
  project.provide('databaseAdminUrl', server.adminUrl);
  project.provide('templateDatabase', templateDatabase);
  return async () => {
    await dropDatabase(server.adminUrl, templateDatabase);
    await server.stop();
  };
}
