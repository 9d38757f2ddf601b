import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { db } from '@/db/client';
import {
  creditNotes,
  invoiceIssuedDays,
  invoiceOpenBalances,
  invoices,
  invoiceStatusTotals,
  payments,
} from '@/db/schema';
import { addDays, agingBucketFor, agingBuckets } from '@/lib/invoices';
import { executeAction, type ActionDefinition } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import {
  createCreditNoteCommand,
  issueInvoiceCommand,
  recordPaymentCommand,
  todayUtc,
  voidInvoiceCommand,
} from '@/server/invoices/commands';
import { getAgingPage, getAgingReport, getAgingTotals } from '@/server/invoices/queries';
import { createClientRecord } from '../support/client-factories';
import { createActor, expectOk } from '../support/factories';
import { draftInvoice, invoiceLine, readInvoice } from '../support/invoice-factories';

let manager: CurrentUser;
const today = todayUtc();
// Issued and due this long ago, so an earlier date of the report sees them open.
const backdatedDays = 60;

async function issue(clientId: string, unitPrice: string) {
  const draft = await draftInvoice(manager, clientId, [invoiceLine({ unitPrice })]);
  expectOk(
    await executeAction(issueInvoiceCommand, manager, { id: draft.id, version: draft.version }),
  );
  return draft.id;
}

/** Runs an action on the invoice as stored now, the way its page posts it. */
async function onInvoice<TSchema extends z.ZodType, TData>(
  action: ActionDefinition<TSchema, TData>,
  id: string,
  fields: Record<string, string>,
) {
  const { version } = await readInvoice(id);
  expectOk(await executeAction(action, manager, { id, version, ...fields }));
}

const pay = (id: string, amount: string, paidOn: string) =>
  onInvoice(recordPaymentCommand, id, { amount, paidOn, method: 'bank_transfer' });
const credit = (id: string, amount: string) =>
  onInvoice(createCreditNoteCommand, id, { amount, reason: 'Agreed discount' });
const voidInvoice = (id: string) =>
  onInvoice(voidInvoiceCommand, id, { reason: 'Issued in error' });

beforeAll(async () => {
  manager = await createActor('manager');
  const eur = (await createClientRecord({ currency: 'EUR' })).id;
  const usd = (await createClientRecord({ currency: 'USD' })).id;
  // Lines of 2 × price at 20 % tax: each invoice totals 2.4 × its price.
  const paidTwice = await issue(eur, '100');
  await pay(paidTwice, '40', addDays(today, -40));
  await pay(paidTwice, '200', addDays(today, -5));
  const creditedThenPaid = await issue(eur, '50');
  await credit(creditedThenPaid, '20');
  await pay(creditedThenPaid, '100', addDays(today, 10));
  const creditedThenVoided = await issue(usd, '30');
  await credit(creditedThenVoided, '12');
  await voidInvoice(creditedThenVoided);
  const partlyPaid = await issue(usd, '75');
  await credit(partlyPaid, '6');
  await pay(partlyPaid, '30', addDays(today, 5));
  const paidLater = await issue(usd, '10');
  await pay(paidLater, '24', addDays(today, 20));
  await db.update(invoices).set({
    issueDate: sql`${invoices.issueDate} - ${backdatedDays}::int`,
    dueDate: sql`${invoices.dueDate} - ${backdatedDays}::int`,
  });
});

type Ledger = { invoiceId: string; on: string; cents: number };

/** What was owed per currency and bucket on `asOf`, summed here from the ledgers row by row. */
async function agingFromLedgers(asOf: string) {
  const [rows, paid, credited] = await Promise.all([
    db.select().from(invoices),
    db
      .select({ invoiceId: payments.invoiceId, on: payments.paidOn, cents: payments.amountCents })
      .from(payments),
    db
      .select({
        invoiceId: creditNotes.invoiceId,
        on: creditNotes.issueDate,
        cents: creditNotes.amountCents,
      })
      .from(creditNotes),
  ]);
  const byThen = (ledger: Ledger[], id: string) =>
    ledger
      .filter((entry) => entry.invoiceId === id && entry.on <= asOf)
      .reduce((sum, entry) => sum + entry.cents, 0);
  const voidedBy = new Date(`${addDays(asOf, 1)}T00:00:00Z`);
  const totals = new Map<string, Record<string, number>>();
  for (const invoice of rows) {
    if (!invoice.issueDate || !invoice.dueDate || invoice.issueDate > asOf) continue;
    if (invoice.status === 'void' && invoice.voidedAt && invoice.voidedAt <= voidedBy) continue;
    const owed = invoice.totalCents - byThen(paid, invoice.id) - byThen(credited, invoice.id);
    if (owed <= 0) continue;
    const sums =
      totals.get(invoice.currency) ?? Object.fromEntries(agingBuckets.map((bucket) => [bucket, 0]));
    sums[agingBucketFor(invoice.dueDate, asOf)]! += owed;
    sums.total = (sums.total ?? 0) + owed;
    totals.set(invoice.currency, sums);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amounts]) => ({ currency, amounts }));
}

describe('the sums kept on invoices', () => {
  it('equal the payments and credit notes ledgers after payments, credits and voids', async () => {
    const rows = await db.execute<{
      status: string;
      total_cents: string;
      paid_cents: string;
      credited_cents: string;
      balance_cents: string;
      ledger_paid: string;
      ledger_credited: string;
    }>(sql`
      select i.status, i.total_cents, i.paid_cents, i.credited_cents, i.balance_cents,
        (select coalesce(sum(amount_cents), 0) from payments where invoice_id = i.id) as ledger_paid,
        (select coalesce(sum(amount_cents), 0) from credit_notes where invoice_id = i.id)
          as ledger_credited
      from invoices i
    `);
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => row.status).sort()).toEqual([
      'paid',
      'paid',
      'paid',
      'partially_paid',
      'void',
    ]);
    for (const row of rows) {
      expect(Number(row.paid_cents)).toBe(Number(row.ledger_paid));
      expect(Number(row.credited_cents)).toBe(Number(row.ledger_credited));
      const owed = Number(row.total_cents) - Number(row.ledger_paid) - Number(row.ledger_credited);
      expect(Number(row.balance_cents)).toBe(row.status === 'void' ? 0 : owed);
    }
  });

  it('age what was owed on any date as the ledgers do', async () => {
    const dates = [
      addDays(today, -backdatedDays - 1),
      addDays(today, -backdatedDays),
      addDays(today, -41),
      addDays(today, -40),
      addDays(today, -5),
      addDays(today, -1),
      today,
      addDays(today, 5),
      addDays(today, 10),
      addDays(today, 20),
      '2999-01-01',
    ];
    for (const asOf of dates) {
      const expected = await agingFromLedgers(asOf);
      const report = await getAgingReport(manager, asOf);
      expect(report.totals, asOf).toEqual(expected);
      expect((await getAgingPage(manager, asOf, 1)).totals, asOf).toEqual(expected);
      // The report's totals: from the rollup for today and later, from the rows before; either
      // way for any date, as a day long past for today or an accounts condition makes them.
      expect(await getAgingTotals(manager, asOf), asOf).toEqual(expected);
      expect(await getAgingTotals(manager, asOf, undefined, '1970-01-01'), asOf).toEqual(expected);
      expect(await getAgingTotals(manager, asOf, sql`true`), asOf).toEqual(expected);
    }
    // Before any payment or credit note, both euro invoices were owed in full.
    expect((await agingFromLedgers(addDays(today, -41)))[0]?.amounts.total).toBe(24_000 + 12_000);
  });

  it('keep their rollups: open balances per due date, invoiced per issue date', async () => {
    // Each rollup and the same sums from the invoices, as rows of (currency, key, invoices, cents),
    // the sums as text (a status's total and balance as one).
    type Sums = { currency: string; day: string; invoices: number; cents: string | number };
    const read = async (query: SQL) =>
      (await db.execute<Sums>(query)).map((row) => ({ ...row, cents: String(row.cents) }));
    const rollup = async () => ({
      open: await read(sql`select currency, due_date as day, invoices, balance_cents as cents
        from ${invoiceOpenBalances} order by 1, 2`),
      issued: await read(sql`select currency, day, invoices, total_cents as cents
        from ${invoiceIssuedDays} order by 1, 2`),
      statuses: await read(sql`select currency, status as day, invoices,
          total_cents || '/' || balance_cents as cents
        from ${invoiceStatusTotals} order by 1, 2`),
    });
    const fromRows = async () => ({
      open: await read(sql`select currency, due_date as day, count(*)::int as invoices,
          sum(total_cents - paid_cents - credited_cents) as cents
        from invoices where status in ('issued', 'partially_paid', 'overdue')
        group by 1, 2 order by 1, 2`),
      issued: await read(sql`select currency, issue_date as day, count(*)::int as invoices,
          sum(total_cents) as cents
        from invoices where status not in ('draft', 'void') and issue_date is not null
        group by 1, 2 order by 1, 2`),
      statuses: await read(sql`select currency, status as day, count(*)::int as invoices,
          sum(total_cents) || '/' || sum(balance_cents) as cents
        from invoices group by 1, 2 order by 1, 2`),
    });
    expect((await rollup()).open.length).toBeGreaterThan(0);
    expect(await rollup()).toEqual(await fromRows());
    // A draft issued, paid in part, moved to another due date, then paid off: each step moves
    // the sums, and keys nothing is due on any more are gone.
    const client = (await createClientRecord({ currency: 'GBP' })).id;
    const id = await issue(client, '500');
    expect(await rollup()).toEqual(await fromRows());
    await pay(id, '200', today);
    await db
      .update(invoices)
      .set({ dueDate: sql`${invoices.dueDate} + 7` })
      .where(sql`${invoices.id} = ${id}`);
    expect(await rollup()).toEqual(await fromRows());
    await pay(id, '1000', today);
    const after = await rollup();
    expect(after).toEqual(await fromRows());
    expect(after.open.filter((row) => row.currency === 'GBP')).toEqual([]);
    expect(after.issued.filter((row) => row.currency === 'GBP')).toEqual([
      { currency: 'GBP', day: today, invoices: 1, cents: '120000' },
    ]);
  });
});
