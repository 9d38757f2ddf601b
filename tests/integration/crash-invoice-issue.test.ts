import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { invoices } from '@/db/schema';
import { executeAction } from '@/server/action';
import { issueInvoiceCommand } from '@/server/invoices/commands';
import { createClientRecord } from '../support/client-factories';
import {
  atLastActivityOf,
  beforeInsertInto,
  expectKillLeavesNoTrace,
  locksHeldByOthers,
  startCrashChild,
  until,
  type CrashJob,
  type KillPoint,
  crashTestTimeout,
} from '../support/crash';
import { createActor } from '../support/factories';
import {
  insertDrafts,
  issuedSequences,
  lastNumber,
  oneToN,
  readInvoice,
} from '../support/invoice-factories';

const year = new Date().getUTCFullYear();
const manager = await createActor('manager');
const { id: clientId } = await createClientRecord();

function issueJob(ids: string[]): CrashJob {
  return {
    module: '@/server/invoices/commands',
    name: 'issueInvoiceCommand',
    actorId: manager.id,
    inputs: ids.map((id) => ({ id, version: 1 })),
  };
}

// Issuing takes the year's next number, writes the invoice as issued, then its audit entry, its
// timeline line and the client's last activity, all in one transaction.
const killPoints: KillPoint[] = [
  beforeInsertInto('audit_log', 'after taking its number, before the audit entry', [
    'invoice_counters',
    'invoices',
  ]),
  beforeInsertInto('activities', 'before its timeline line', [
    'audit_log',
    'invoice_counters',
    'invoices',
  ]),
  atLastActivityOf(clientId, 'at its last write, the client’s last activity', [
    'activities',
    'audit_log',
    'invoice_counters',
    'invoices',
  ]),
];

describe('an instance killed with SIGKILL while issuing', { timeout: crashTestTimeout }, () => {
  for (const point of killPoints) {
    it(`leaves the draft as it was when killed ${point.name}, and its number for the next issue`, async () => {
      const before = await lastNumber(year);
      const [id] = await insertDrafts(clientId, 1);
      const draft = await readInvoice(id!);

      await expectKillLeavesNoTrace(issueJob([id!]), point);

      expect(await readInvoice(id!)).toEqual(draft);
      const again = await executeAction(issueInvoiceCommand, manager, { id, version: 1 });
      expect(again).toMatchObject({ ok: true });
      expect(await lastNumber(year)).toBe(before + 1);
      expect(await issuedSequences(year)).toEqual(oneToN(before + 1));
    });
  }

  it('leaves every invoice issued with its number or still a draft, never a lost number', async () => {
    const before = await lastNumber(year);
    const ids = await insertDrafts(clientId, 40);
    const child = startCrashChild();
    try {
      await child.ready();
      child.run(issueJob(ids));
      await until(() => {
        child.assertRunning();
        return child.committed.length >= 5;
      }, 'the child to issue a few');
    } finally {
      await child.kill();
    }
    const committed = child.committed.length;
    await until(
      async () => (await locksHeldByOthers()).length === 0,
      'the killed child’s transaction to end',
    );
    const rows = await db
      .select({ status: invoices.status, sequence: invoices.numberSequence })
      .from(invoices)
      .where(inArray(invoices.id, ids));
    for (const row of rows) {
      expect(row.status === 'draft' ? row.sequence === null : row.sequence !== null).toBe(true);
    }
    const issuedCount = rows.filter((row) => row.status === 'issued').length;
    expect(issuedCount).toBeGreaterThanOrEqual(committed);
    expect(issuedCount).toBeLessThan(ids.length);
    expect(await lastNumber(year)).toBe(before + issuedCount);
    expect(await issuedSequences(year)).toEqual(oneToN(before + issuedCount));
  });
});
