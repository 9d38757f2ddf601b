import { performance } from 'node:perf_hooks';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { seedDemo } from '@/db/seed/demo';
import { seedLarge } from '@/db/seed/large';

if (process.env.NODE_ENV === 'production') {
  console.error('Refusing to seed benchmark data with NODE_ENV=production.');
  process.exit(1);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'Set DATABASE_URL to the PostgreSQL database to fill (a migrated one, e.g. accord_bench).',
  );
  process.exit(1);
}
const client = postgres(url, { max: 1, onnotice: () => {} });
const db = drizzle(client);
try {
  await seedDemo(db);
  const started = performance.now();
  const seeded = await seedLarge(db, (step) =>
    console.log(`  ${step} (${((performance.now() - started) / 1000).toFixed(1)} s)`),
  );
  console.log(
    seeded
      ? `Large seed done in ${((performance.now() - started) / 1000).toFixed(1)} s.`
      : 'The database already holds the large seed; nothing to do.',
  );
} finally {
  await client.end();
}
