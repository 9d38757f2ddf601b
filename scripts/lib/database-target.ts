import path from 'node:path';
import { accordDataDir, postgresBinariesRoot } from './data-dir';
import { isPortTaken, startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres';

/** Where `npm run dev` keeps its embedded PostgreSQL: the same data folder and port. */
export function embeddedDatabaseSettings() {
  return {
    dataDir: path.join(accordDataDir(), 'postgres'),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    database: 'accord',
  };
}

/**
 * Runs `work` against DATABASE_URL, or against the embedded database of `npm run dev` when it is
 * unset: the running one when its port answers, otherwise one started for the while and stopped.
 */
export async function withAccordDatabase<T>(work: (url: string) => Promise<T>) {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const { dataDir, port, database } = embeddedDatabaseSettings();
  const embeddedUrl = `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
  if (await isPortTaken(port)) return work(embeddedUrl);
  let server: EmbeddedServer | undefined;
  try {
    server = await startEmbeddedPostgres({ dataDir, binariesRoot: postgresBinariesRoot(), port });
    return await work(server.url(database));
  } finally {
    await server?.stop();
  }
}
