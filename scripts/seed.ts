import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { demoPassword, demoSignIns, seedDemo } from '@/db/seed/demo';

if (process.env.NODE_ENV === 'production') {
  console.error('Refusing to seed demo users with NODE_ENV=production.');
  process.exit(1);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the PostgreSQL database to seed.');
  process.exit(1);
}
const sql = postgres(url, { max: 1, onnotice: () => {} });
try {
  const seeded = await seedDemo(drizzle(sql));
  console.log(seeded ? 'Demo data seeded.' : 'The database already has users; nothing seeded.');
  if (seeded) for (const { email } of demoSignIns) console.log(`  ${email} / ${demoPassword}`);
} finally {
  await sql.end();
}
