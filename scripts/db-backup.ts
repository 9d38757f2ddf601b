import { backupDatabase } from './lib/backup';
import { withAccordDatabase } from './lib/database-target';

/** `npm run db:backup [FILE]`: DATABASE_URL (or the embedded database) to a pg_dump file. */
const file = process.argv[2] ?? `accord-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`;

try {
  const {
    bytes,
    files,
    file: written,
  } = await withAccordDatabase((url) => backupDatabase(url, file));
  console.log(`Backed up the database to ${written} (${(bytes / 1024).toFixed(1)} KiB).`);
  console.log(
    `The files of ${files.documents} stored documents are not in it: they are in ${files.location}. Back that up too.`,
  );
} catch (error) {
  console.error(`The backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
