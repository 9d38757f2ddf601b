import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PgBoss from 'pg-boss';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIGRATION_LOCK_KEY } from '@/db/migrate';
import { hashPassword } from '@/server/auth/password';
import {
  migrateInProcess,
  startAccordServer,
  type RunningServer,
} from '@/scripts/lib/accord-server';
import { createDatabase, dropDatabase } from '@/scripts/lib/test-database';
import { signInLimits } from '@/server/auth/sign-in';
import { startSmtpServer } from '../support/smtp-server';

/**
 * Two production servers on one PostgreSQL database, as behind a load balancer. Needs the
 * production build: `npm test` runs this file after `next build`; without a build it is skipped.
 */
const built = existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'));
if (!built)
  console.warn('two-instances.test.ts skipped: run `npx next build` first (npm test does).');

const firstPort = Number(process.env.TWO_INSTANCES_PORT ?? 3101);
const adminUrl = inject('databaseAdminUrl');
const databaseName = `accord_two_instances_${process.pid}`;
const password = 'two-instances-password';

let databaseUrl = '';
let sql: postgres.Sql;
let filesDir = '';
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let servers: RunningServer[] = [];
const migrationExitCodes: (number | null)[] = [];

async function createUser(email: string) {
  const [row] = await sql`
    insert into users (name, email, role, password_hash)
    values ('Two Instances', ${email}, 'manager', ${await hashPassword(password)}) returning id`;
  return String(row?.id);
}

/** next-auth's credentials sign-in over HTTP: its CSRF token, then the form post. */
async function signInOver(base: string, email: string, attempt: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((entry) => entry.split(';')[0])
    .join('; ');
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ email, password: attempt, csrfToken }),
  });
  const session = response.headers
    .getSetCookie()
    .find((entry) => entry.startsWith('authjs.session-token='));
  return { location: response.headers.get('location') ?? '', session: session?.split(';')[0] };
}

describe.skipIf(!built)('two instances on one database', () => {
  beforeAll(async () => {
    databaseUrl = await createDatabase(adminUrl, databaseName);
    filesDir = mkdtempSync(path.join(os.tmpdir(), 'accord-two-instances-'));
    smtp = await startSmtpServer();
    // A deploy: each instance migrates, then starts; both at once.
    migrationExitCodes.push(
      ...(await Promise.all([migrateInProcess(databaseUrl), migrateInProcess(databaseUrl)])),
    );
    const env = {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      ACCORD_FILES_DIR: filesDir,
      SMTP_URL: smtp.url,
      WEB_CONCURRENCY: '1',
      DATABASE_POOL_SIZE: '4',
    };
    servers = await Promise.all([
      startAccordServer(firstPort, env),
      startAccordServer(firstPort + 1, env),
    ]);
    sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  }, 240_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await sql?.end();
    await smtp?.close();
    await dropDatabase(adminUrl, databaseName);
    rmSync(filesDir, { recursive: true, force: true });
  });

  it('migrate once when both start together, and both come up healthy', async () => {
    expect(migrationExitCodes).toEqual([0, 0]);
    const journal = JSON.parse(
      readFileSync(path.join(process.cwd(), 'db/migrations/meta/_journal.json'), 'utf8'),
    ) as { entries: unknown[] };
    const [applied] = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(applied?.n).toBe(journal.entries.length);
    // The migrator's advisory lock (its key is below 2^32: all in objid) is released once done.
    const locks = await sql`
      select 1 from pg_locks
      where locktype = 'advisory' and objid = ${MIGRATION_LOCK_KEY} and classid = 0
        and database = (select oid from pg_database where datname = current_database())`;
    expect(locks).toHaveLength(0);
    for (const server of servers) {
      expect((await fetch(`${server.base}/api/health`)).status).toBe(200);
    }
  });

  it('accept a session signed in on one at the other', async () => {
    const [first, second] = servers as [RunningServer, RunningServer];
    const email = `shared-${randomUUID().slice(0, 8)}@example.test`;
    await createUser(email);
    const { session } = await signInOver(first.base, email, password);
    expect(session).toBeDefined();
    const answer = await fetch(`${second.base}/api/auth/session`, {
      headers: { cookie: session ?? '' },
    });
    expect(((await answer.json()) as { user?: { email: string } }).user?.email).toBe(email);
  });

  it('count wrong passwords made on either towards one sign-in limit', async () => {
    const email = `limited-${randomUUID().slice(0, 8)}@example.test`;
    await createUser(email);
    for (let attempt = 0; attempt < signInLimits.failuresPerEmail; attempt += 1) {
      const server = servers[attempt % 2] as RunningServer;
      const { location } = await signInOver(server.base, email, `wrong-${attempt}`);
      expect(location).toContain('code=credentials');
    }
    const [first, second] = servers as [RunningServer, RunningServer];
    for (const server of [first, second]) {
      const { location, session } = await signInOver(server.base, email, password);
      expect(location).toContain('code=rate_limited');
      expect(session).toBeUndefined();
    }
  });

  it('run a background job once: one reminder e-mail, not two', async () => {
    const email = `reminded-${randomUUID().slice(0, 8)}@example.test`;
    const userId = await createUser(email);
    const [notification] = await sql`
      insert into notifications (user_id, kind, title, href)
      values (${userId}, 'review_requested', 'Please review the proposal', '/') returning id`;
    // Both instances work the queues; the job that hands out e-mails is queued now, not at the minute.
    const boss = new PgBoss({
      connectionString: databaseUrl,
      max: 1,
      supervise: false,
      schedule: false,
    });
    await boss.start();
    await boss.send('notifications.email', {});
    await boss.stop({ graceful: false });

    // The queued run, or failing that the next minute's scheduled one, then two queues' polling:
    // on a loaded machine that has taken over 90 s.
    const deadline = Date.now() + 150_000;
    while (!smtp.messages.some((message) => message.subject?.includes('Please review'))) {
      if (Date.now() > deadline) throw new Error('The reminder e-mail never arrived.');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Time for a second instance to send it again, were it going to.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    const sent = smtp.messages.filter((message) => message.subject?.includes('Please review'));
    expect(sent).toHaveLength(1);
    const [row] = await sql`select email_status from notifications where id = ${notification?.id}`;
    expect(row?.email_status).toBe('sent');
  }, 180_000);

  it('download through one a file uploaded through the other', async () => {
    const [first, second] = servers as [RunningServer, RunningServer];
    const email = `files-${randomUUID().slice(0, 8)}@example.test`;
    await createUser(email);
    const { session } = await signInOver(first.base, email, password);
    const [client] =
      await sql`insert into clients (name, status) values ('Shared Files', 'active') returning id`;
    const bytes = randomBytes(64 * 1024);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), bytes]);
    const upload = await fetch(
      `${first.base}/documents/upload?recordKind=client&recordId=${client?.id}`,
      {
        method: 'POST',
        headers: {
          cookie: session ?? '',
          origin: first.base,
          'x-file-name': 'shared.pdf',
          'content-type': 'application/pdf',
        },
        body: pdf,
      },
    );
    const answer = (await upload.json()) as { ok: boolean; data?: { id: string } };
    expect(answer.ok).toBe(true);
    const download = await fetch(`${second.base}/documents/${answer.data?.id}`, {
      headers: { cookie: session ?? '' },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });
});
