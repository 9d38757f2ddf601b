import { spawn, type ChildProcess } from 'node:child_process';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import * as schema from '@/db/schema';
import { invoiceCounters, invoices } from '@/db/schema';
import { executeAction } from '@/server/action';
import { recordAudit } from '@/server/audit/record-audit';
import type { CurrentUser } from '@/server/auth/session';
import { issueInvoiceCommand } from '@/server/invoices/commands';
import { takeNextNumber } from '@/server/invoices/numbering';
import { createClientRecord } from '../support/client-factories';
import { createActor } from '../support/factories';

const year = new Date().getUTCFullYear();
let manager: CurrentUser;
let clientId: string;
// A second pool on the same database: a second app instance issuing at the same time.
const otherInstanceSql = postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {} });
const otherInstance = drizzle(otherInstanceSql, { schema });

beforeAll(async () => {
  manager = await createActor('manager');
  clientId = (await createClientRecord()).id;
});

afterAll(async () => {
  await otherInstanceSql.end();
});

/** `count` drafts ready to issue (one line's worth of total). */
async function insertDrafts(count: number) {
  const rows = await db
    .insert(invoices)
    .values(
      Array.from({ length: count }, () => ({
        clientId,
        currency: 'USD',
        paymentTermsDays: 30,
        taxRounding: 'line' as const,
        pricesIncludeTax: false,
        subtotalCents: 10_000,
        totalCents: 10_000,
        balanceCents: 10_000,
      })),
    )
    .returning({ id: invoices.id });
  return rows.map((row) => row.id);
}

/** The issue action run in the other instance's pool, exactly as executeAction runs it there. */
function issueOnOtherInstance(id: string) {
  const input = issueInvoiceCommand.schema.parse({ id, version: 1 });
  return otherInstance.transaction((tx) =>
    issueInvoiceCommand.run(input, {
      user: manager,
      tx,
      client: null,
      audit: (entry) => recordAudit(tx, { ...entry, actorId: manager.id }),
    }),
  );
}

async function lastNumber() {
  const [counter] = await db
    .select({ lastNumber: invoiceCounters.lastNumber })
    .from(invoiceCounters)
    .where(and(eq(invoiceCounters.series, 'invoice'), eq(invoiceCounters.year, year)));
  return counter?.lastNumber ?? 0;
}

/** Every number issued this year, sorted: gapless means exactly 1..n. */
async function issuedSequences() {
  const rows = await db
    .select({ sequence: invoices.numberSequence })
    .from(invoices)
    .where(eq(invoices.numberYear, year))
    .orderBy(invoices.numberSequence);
  return rows.map((row) => row.sequence);
}

function oneToN(n: number) {
  return Array.from({ length: n }, (_, index) => index + 1);
}

describe('invoice numbering', () => {
  it('gives 100 invoices issued at once from two instances 1..100, no duplicate, no gap', async () => {
    const ids = await insertDrafts(100);
    const results = await Promise.all(
      ids.map((id, index) =>
        index % 2 === 0
          ? executeAction(issueInvoiceCommand, manager, { id, version: 1 }).then((result) => {
              if (!result.ok) throw new Error(result.error);
              return result.data;
            })
          : issueOnOtherInstance(id),
      ),
    );
    const numbers = results.map((result) => result.number);
    expect(new Set(numbers).size).toBe(100);
    expect(await issuedSequences()).toEqual(oneToN(100));
    expect(await lastNumber()).toBe(100);
    const stored = await db
      .select({ number: invoices.number, sequence: invoices.numberSequence })
      .from(invoices)
      .where(inArray(invoices.id, ids));
    for (const row of stored) {
      expect(row.number).toBe(`INV-${year}-${String(row.sequence).padStart(5, '0')}`);
    }
  });

  it('gives a rolled-back issue’s number back', async () => {
    const before = await lastNumber();
    await expect(
      db.transaction(async (tx) => {
        await takeNextNumber(tx, 'invoice', year);
        throw new Error('the issue failed after taking its number');
      }),
    ).rejects.toThrow('the issue failed');
    const [id] = await insertDrafts(1);
    const result = await executeAction(issueInvoiceCommand, manager, { id, version: 1 });
    expect(result).toMatchObject({ ok: true, data: { number: expect.stringMatching(/-\d{5}$/) } });
    expect(await lastNumber()).toBe(before + 1);
    expect(await issuedSequences()).toEqual(oneToN(before + 1));
  });

  it('refuses a duplicate number even if the counter were bypassed (unique index)', async () => {
    const [id] = await insertDrafts(1);
    await expect(
      db
        .update(invoices)
        .set({ status: 'issued', number: `INV-${year}-00001`, numberYear: year, numberSequence: 1 })
        .where(eq(invoices.id, id!)),
    ).rejects.toThrow();
  });
});

/** Starts the issuing child process, an app instance of its own, on `ids`. */
function startIssuer(ids: string[]) {
  // Node itself with tsx as a loader, not the tsx command: that one runs Node as a child of its
  // own, which SIGKILL would leave running.
  const child = spawn(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      'tests/support/issue-invoices-child.ts',
      ...ids,
    ],
    {
      env: { ...process.env, ISSUER_ID: manager.id },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const issued: string[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    issued.push(...lines.filter((line) => line.startsWith('issued ')));
  });
  return { child, issued };
}

async function until(condition: () => Promise<boolean> | boolean, what: string) {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function killed(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Waits until no backend of this database is left but our own pools' idle ones. */
async function noBackendInTransaction() {
  await until(async () => {
    const rows = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and (state like 'idle in transaction%' or wait_event_type = 'Lock')`,
    );
    return rows[0]?.n === 0;
  }, 'the killed instance’s transaction to end');
}

describe('an instance killed with SIGKILL while issuing', () => {
  it('leaves the draft as it was, and its number for the next issue', async () => {
    const before = await lastNumber();
    const [id] = await insertDrafts(1);
    // Hold the timeline table so the child's issue stops inside its transaction, after it took
    // its number and wrote the invoice, before it could commit.
    const holder = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const release = holder.begin(async (tx) => {
      await tx`lock table activities in exclusive mode`;
      const { child } = startIssuer([id!]);
      await until(async () => {
        const [row] = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_locks where relation = 'activities'::regclass and not granted`,
        );
        return (row?.n ?? 0) > 0;
      }, 'the child to block mid-issue');
      child.kill('SIGKILL');
      await killed(child);
    });
    await release;
    await holder.end();
    await noBackendInTransaction();
    const [draft] = await db.select().from(invoices).where(eq(invoices.id, id!));
    expect(draft).toMatchObject({ status: 'draft', number: null, numberSequence: null });
    expect(await lastNumber()).toBe(before);
    const result = await executeAction(issueInvoiceCommand, manager, { id, version: 1 });
    expect(result).toMatchObject({ ok: true });
    expect(await issuedSequences()).toEqual(oneToN(before + 1));
  });

  it('leaves every invoice issued with its number or still a draft, never a lost number', async () => {
    const before = await lastNumber();
    const ids = await insertDrafts(40);
    const { child, issued } = startIssuer(ids);
    await until(() => issued.length >= 5, 'the child to issue a few');
    child.kill('SIGKILL');
    await killed(child);
    await noBackendInTransaction();
    const rows = await db
      .select({ status: invoices.status, sequence: invoices.numberSequence })
      .from(invoices)
      .where(inArray(invoices.id, ids));
    for (const row of rows) {
      expect(row.status === 'draft' ? row.sequence === null : row.sequence !== null).toBe(true);
    }
    const issuedCount = rows.filter((row) => row.status === 'issued').length;
    expect(issuedCount).toBeGreaterThanOrEqual(issued.length);
    expect(issuedCount).toBeLessThan(ids.length);
    expect(await lastNumber()).toBe(before + issuedCount);
    expect(await issuedSequences()).toEqual(oneToN(before + issuedCount));
  });
});
