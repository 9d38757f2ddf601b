import { performance } from 'node:perf_hooks';
import { count } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { clients } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { largeSeedSize, seedLarge } from '@/db/seed/large';

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
  const [existing] = await db.select({ n: count() }).from(clients);
  if ((existing?.n ?? 0) >= largeSeedSize.clients) {
    console.log(`The database already holds ${existing?.n} clients; nothing to do.`);
  } else {
    const started = performance.now();
    await seedLarge(db, (step) =>
      console.log(`  ${step} (${((performance.now() - started) / 1000).toFixed(1)} s)`),
    );
    console.log(`Large seed done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }
} finally {
  await client.end();
}
