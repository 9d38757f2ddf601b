import { eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import * as schema from '@/db/schema';
import { invoices } from '@/db/schema';
import { executeAction } from '@/server/action';
import { recordAudit } from '@/server/audit/record-audit';
import type { CurrentUser } from '@/server/auth/session';
import { issueInvoiceCommand } from '@/server/invoices/commands';
import { takeNextNumber } from '@/server/invoices/numbering';
import { createClientRecord } from '../support/client-factories';
import { createActor } from '../support/factories';
import { insertDrafts, issuedSequences, lastNumber, oneToN } from '../support/invoice-factories';

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

describe('invoice numbering', () => {
  it('gives 100 invoices issued at once from two instances 1..100, no duplicate, no gap', async () => {
    const ids = await insertDrafts(clientId, 100);
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
    expect(await issuedSequences(year)).toEqual(oneToN(100));
    expect(await lastNumber(year)).toBe(100);
    const stored = await db
      .select({ number: invoices.number, sequence: invoices.numberSequence })
      .from(invoices)
      .where(inArray(invoices.id, ids));
    for (const row of stored) {
      expect(row.number).toBe(`INV-${year}-${String(row.sequence).padStart(5, '0')}`);
    }
  });

  it('gives a rolled-back issue’s number back', async () => {
    const before = await lastNumber(year);
    await expect(
      db.transaction(async (tx) => {
        await takeNextNumber(tx, 'invoice', year);
        throw new Error('the issue failed after taking its number');
      }),
    ).rejects.toThrow('the issue failed');
    const [id] = await insertDrafts(clientId, 1);
    const result = await executeAction(issueInvoiceCommand, manager, { id, version: 1 });
    expect(result).toMatchObject({ ok: true, data: { number: expect.stringMatching(/-\d{5}$/) } });
    expect(await lastNumber(year)).toBe(before + 1);
    expect(await issuedSequences(year)).toEqual(oneToN(before + 1));
  });

  it('refuses a duplicate number even if the counter were bypassed (unique index)', async () => {
    const [id] = await insertDrafts(clientId, 1);
    await expect(
      db
        .update(invoices)
        .set({ status: 'issued', number: `INV-${year}-00001`, numberYear: year, numberSequence: 1 })
        .where(eq(invoices.id, id!)),
    ).rejects.toThrow();
  });
});
