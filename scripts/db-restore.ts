import { DatabaseNotEmptyError, restoreDatabase } from './lib/backup';
import { withAccordDatabase } from './lib/database-target';

/** `npm run db:restore FILE`: a pg_dump file into an empty DATABASE_URL (or embedded database). */
const file = process.argv[2];
if (!file) {
  console.error('Name the backup file to restore: npm run db:restore FILE');
  process.exit(64);
}

try {
  await withAccordDatabase((url) => restoreDatabase(url, file));
  console.log(`Restored ${file} and applied the migrations it lacked.`);
} catch (error) {
  if (error instanceof DatabaseNotEmptyError) {
    console.error(`Nothing restored: ${error.message}`);
    process.exit(2);
  }
  console.error(`The restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
