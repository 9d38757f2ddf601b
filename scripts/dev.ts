import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { migrateDatabase } from '@/db/migrate';
import { accordDataDir, postgresBinariesRoot } from './lib/data-dir';
import { embeddedDatabaseSettings } from './lib/database-target';
import { demoPassword, demoSignIns, seedDemo } from '@/db/seed/demo';
import {
  ensureDatabase,
  startEmbeddedPostgres,
  type EmbeddedServer,
} from './lib/embedded-postgres';

const dataRoot = accordDataDir();
const appPort = Number(process.env.PORT ?? 3000);

/** A secret for signing sessions that survives restarts, so signing in once is enough. */
function devAuthSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataRoot, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

async function main() {
  let embedded: EmbeddedServer | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    console.log('Using the PostgreSQL server in DATABASE_URL.');
  } else {
    const { dataDir, port, database } = embeddedDatabaseSettings();
    console.log(`Starting the embedded PostgreSQL on 127.0.0.1:${port} (data in ${dataDir})…`);
    embedded = await startEmbeddedPostgres({
      dataDir,
      binariesRoot: postgresBinariesRoot(),
      port,
    });
    await ensureDatabase(embedded.url('postgres'), database);
    databaseUrl = embedded.url(database);
  }

  await migrateDatabase(databaseUrl);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const seeded = await seedDemo(drizzle(sql)).finally(() => sql.end());
  if (seeded) console.log('Seeded the demo data.');

  // Its own process, without the react-server condition this script runs under.
  const next = spawn(
    path.join('node_modules', '.bin', 'tsx'),
    [path.join('scripts', 'dev-server.ts'), '--port', String(appPort)],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: devAuthSecret(),
        AUTH_TRUST_HOST: 'true',
      },
    },
  );

  console.log(`\nAccord is starting on http://localhost:${appPort}`);
  console.log(`Demo sign-ins (password "${demoPassword}"):`);
  for (const { email, role } of demoSignIns) console.log(`  ${role.padEnd(12)} ${email}`);
  console.log('Press Ctrl-C to stop Accord and its database.\n');

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Accord and its database…');
    next.kill('SIGTERM');
    await embedded?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  next.on('exit', (code) => void stop(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(
    `\nAccord could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
