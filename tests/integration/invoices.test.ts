import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { creditNotes, invoiceCounters, invoiceLines, notifications, payments } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import {
  createCreditNoteCommand,
  createInvoiceCommand,
  issueInvoiceCommand,
  markOverdueInvoices,
  recordPaymentCommand,
  updateInvoiceDraftCommand,
  voidInvoiceCommand,
} from '@/server/invoices/commands';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { auditEntriesFor, createActor, expectOk } from '../support/factories';
import { draftInvoice, invoiceLine, readInvoice } from '../support/invoice-factories';

let coordinator: CurrentUser;
let owner: CurrentUser;
let otherExecutive: CurrentUser;
let manager: CurrentUser;
let clientId: string;

beforeEach(async () => {
  coordinator = await createActor('coordinator');
  owner = await createActor('executive');
  otherExecutive = await createActor('executive');
  manager = await createActor('manager');
  const client = await createClientRecord({
    ownerId: owner.id,
    coordinatorId: coordinator.id,
    currency: 'EUR',
  });
  clientId = client.id;
  await setVisibility('open');
});

/** The sequence the year's invoice counter last gave out (0 before the first). */
async function lastSequence(series: 'invoice' | 'credit_note' = 'invoice') {
  const [counter] = await db
    .select({ lastNumber: invoiceCounters.lastNumber })
    .from(invoiceCounters)
    .where(
      and(
        eq(invoiceCounters.series, series),
        eq(invoiceCounters.year, new Date().getUTCFullYear()),
      ),
    );
  return counter?.lastNumber ?? 0;
}

async function issued(lines = [invoiceLine()]) {
  const draft = await draftInvoice(coordinator, clientId, lines);
  expectOk(
    await executeAction(issueInvoiceCommand, owner, { id: draft.id, version: draft.version }),
  );
  return readInvoice(draft.id);
}

describe('drafting', () => {
  it.each<Role>(['coordinator', 'executive', 'manager'])(
    'lets a %s draft an invoice in the client’s currency with totals from its lines',
    async (role) => {
      const actor = role === 'coordinator' ? coordinator : role === 'executive' ? owner : manager;
      const draft = await draftInvoice(actor, clientId, [
        invoiceLine({ quantity: '1.5', unitPrice: '33.33' }),
        invoiceLine({ unitPrice: '100', discount: '10', taxRateName: 'Reduced' }),
      ]);
      expect(draft).toMatchObject({ status: 'draft', currency: 'EUR', number: null });
      // 49.995 → 50.00 at 20 %, and 180.00 at 5 %.
      expect(draft).toMatchObject({ subtotalCents: 23_000, taxCents: 1900, totalCents: 24_900 });
      const lines = await db
        .select()
        .from(invoiceLines)
        .where(eq(invoiceLines.invoiceId, draft.id));
      expect(lines.map((line) => line.amountCents).sort()).toEqual([18_000, 5000].sort());
      expect((await auditEntriesFor(draft.id)).map((entry) => entry.action)).toContain(
        'invoice.updated',
      );
    },
  );

  it('refuses bad lines with a message per field and changes nothing', async () => {
    const draft = await draftInvoice(coordinator, clientId);
    const result = await executeAction(updateInvoiceDraftCommand, coordinator, {
      id: draft.id,
      version: draft.version,
      paymentTermsDays: '14',
      lines: JSON.stringify([invoiceLine({ quantity: '1.2345', unitPrice: 'ten' })]),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.lines?.join(' ')).toMatch(/quantity|amount/i);
    const unknownRate = await executeAction(updateInvoiceDraftCommand, coordinator, {
      id: draft.id,
      version: draft.version,
      paymentTermsDays: '14',
      lines: JSON.stringify([invoiceLine({ taxRateName: 'Made up' })]),
    });
    expect(unknownRate).toMatchObject({ ok: false, code: 'conflict' });
    expect(await readInvoice(draft.id)).toMatchObject({
      version: draft.version,
      totalCents: draft.totalCents,
    });
  });

  it('refuses a stale draft', async () => {
    const draft = await draftInvoice(coordinator, clientId);
    const result = await executeAction(updateInvoiceDraftCommand, manager, {
      id: draft.id,
      version: draft.version - 1,
      paymentTermsDays: '30',
      lines: '[]',
    });
    expect(result).toMatchObject({ ok: false, code: 'stale' });
  });

  it('hides an account’s invoices from a coordinator off it under assigned visibility', async () => {
    const draft = await draftInvoice(coordinator, clientId);
    await setVisibility('assigned');
    const outsider = await createActor('coordinator');
    expect(await executeAction(createInvoiceCommand, outsider, { clientId })).toMatchObject({
      ok: false,
    });
    const result = await executeAction(updateInvoiceDraftCommand, outsider, {
      id: draft.id,
      version: draft.version,
      paymentTermsDays: '30',
      lines: '[]',
    });
    expect(result).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('issuing', () => {
  it('gives the account owner the next number of the year and dates the invoice', async () => {
    const before = await lastSequence();
    const invoice = await issued();
    const year = new Date().getUTCFullYear();
    expect(invoice).toMatchObject({
      status: 'issued',
      number: `INV-${year}-${String(before + 1).padStart(5, '0')}`,
      numberSequence: before + 1,
      balanceCents: invoice.totalCents,
    });
    expect(invoice.dueDate).not.toBeNull();
    expect(invoice.issueDate).not.toBeNull();
  });

  it.each<[string, () => CurrentUser]>([
    ['the coordinator', () => coordinator],
    ['an executive who does not own the account', () => otherExecutive],
  ])('refuses %s, and takes no number', async (_label, actor) => {
    const draft = await draftInvoice(coordinator, clientId);
    const before = await lastSequence();
    const result = await executeAction(issueInvoiceCommand, actor(), {
      id: draft.id,
      version: draft.version,
    });
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await readInvoice(draft.id)).toMatchObject({ status: 'draft', number: null });
    expect((await issued()).numberSequence).toBe(before + 1);
  });

  it('lets a manager issue, and refuses an empty draft', async () => {
    const empty = await draftInvoice(coordinator, clientId, []);
    expect(
      await executeAction(issueInvoiceCommand, manager, { id: empty.id, version: empty.version }),
    ).toMatchObject({ ok: false, code: 'conflict' });
    const draft = await draftInvoice(coordinator, clientId);
    const before = await lastSequence();
    expectOk(
      await executeAction(issueInvoiceCommand, manager, { id: draft.id, version: draft.version }),
    );
    expect((await readInvoice(draft.id)).numberSequence).toBe(before + 1);
  });

  it('never edits an issued invoice', async () => {
    const invoice = await issued();
    const result = await executeAction(updateInvoiceDraftCommand, manager, {
      id: invoice.id,
      version: invoice.version,
      paymentTermsDays: '30',
      lines: JSON.stringify([invoiceLine({ unitPrice: '1' })]),
    });
    expect(result).toMatchObject({ ok: false, code: 'conflict' });
    const again = await executeAction(issueInvoiceCommand, manager, {
      id: invoice.id,
      version: invoice.version,
    });
    expect(again).toMatchObject({ ok: false, code: 'conflict' });
    expect(await readInvoice(invoice.id)).toEqual(invoice);
  });
});

describe('payments', () => {
  it('moves an invoice through partially paid to paid from the payments ledger', async () => {
    const invoice = await issued(); // 1,000.00 + 20 % = 1,200.00
    const first = expectOk(
      await executeAction(recordPaymentCommand, owner, {
        id: invoice.id,
        version: invoice.version,
        paidOn: '2026-01-10',
        amount: '500',
        method: 'bank_transfer',
        reference: 'TX-1',
      }),
    );
    expect(first).toMatchObject({ status: 'partially_paid', balanceCents: 70_000 });
    const tooMuch = await executeAction(recordPaymentCommand, owner, {
      id: invoice.id,
      version: invoice.version + 1,
      paidOn: '2026-01-11',
      amount: '700.01',
      method: 'card',
    });
    expect(tooMuch).toMatchObject({ ok: false, code: 'conflict' });
    const last = expectOk(
      await executeAction(recordPaymentCommand, manager, {
        id: invoice.id,
        version: invoice.version + 1,
        paidOn: '2026-01-12',
        amount: '700',
        method: 'card',
      }),
    );
    expect(last).toMatchObject({ status: 'paid', balanceCents: 0 });
    const ledger = await db.select().from(payments).where(eq(payments.invoiceId, invoice.id));
    expect(ledger.map((payment) => payment.amountCents).sort()).toEqual([50_000, 70_000]);
    expect(await readInvoice(invoice.id)).toMatchObject({ paidCents: 120_000, status: 'paid' });
  });

  it.each<[string, () => CurrentUser]>([
    ['the coordinator', () => coordinator],
    ['another executive', () => otherExecutive],
  ])('refuses a payment recorded by %s', async (_label, actor) => {
    const invoice = await issued();
    const result = await executeAction(recordPaymentCommand, actor(), {
      id: invoice.id,
      version: invoice.version,
      paidOn: '2026-01-10',
      amount: '1',
      method: 'cash',
    });
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await db.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toEqual([]);
  });

  it('refuses a payment on a draft', async () => {
    const draft = await draftInvoice(coordinator, clientId);
    const result = await executeAction(recordPaymentCommand, manager, {
      id: draft.id,
      version: draft.version,
      paidOn: '2026-01-10',
      amount: '1',
      method: 'cash',
    });
    expect(result).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('corrections', () => {
  it('credits part then the rest of an invoice in the credit-note series', async () => {
    const invoice = await issued();
    const year = new Date().getUTCFullYear();
    const before = await lastSequence('credit_note');
    const creditNumber = (offset: number) =>
      `CN-${year}-${String(before + offset).padStart(5, '0')}`;
    const first = expectOk(
      await executeAction(createCreditNoteCommand, owner, {
        id: invoice.id,
        version: invoice.version,
        amount: '200',
        reason: 'Discount agreed after delivery',
      }),
    );
    expect(first.number).toBe(creditNumber(1));
    expect(await readInvoice(invoice.id)).toMatchObject({
      status: 'partially_paid',
      balanceCents: 100_000,
      creditedCents: 20_000,
    });
    const tooMuch = await executeAction(createCreditNoteCommand, manager, {
      id: invoice.id,
      version: invoice.version + 1,
      amount: '1000.01',
      reason: 'Too much',
    });
    expect(tooMuch).toMatchObject({ ok: false, code: 'conflict' });
    const rest = expectOk(
      await executeAction(createCreditNoteCommand, manager, {
        id: invoice.id,
        version: invoice.version + 1,
        amount: '1000',
        reason: 'Cancelled',
      }),
    );
    expect(rest.number).toBe(creditNumber(2));
    expect(await readInvoice(invoice.id)).toMatchObject({ status: 'credited', balanceCents: 0 });
    expect(
      await db.select().from(creditNotes).where(eq(creditNotes.invoiceId, invoice.id)),
    ).toHaveLength(2);
  });

  it('refuses a credit note from the coordinator', async () => {
    const invoice = await issued();
    const result = await executeAction(createCreditNoteCommand, coordinator, {
      id: invoice.id,
      version: invoice.version,
      amount: '1',
      reason: 'Not mine to give',
    });
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('voids with a reason while no payment is recorded, and keeps the number', async () => {
    const invoice = await issued();
    expect(
      await executeAction(voidInvoiceCommand, coordinator, {
        id: invoice.id,
        version: invoice.version,
        reason: 'Wrong client',
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expectOk(
      await executeAction(voidInvoiceCommand, owner, {
        id: invoice.id,
        version: invoice.version,
        reason: 'Wrong client',
      }),
    );
    expect(await readInvoice(invoice.id)).toMatchObject({
      status: 'void',
      voidReason: 'Wrong client',
      number: invoice.number,
      balanceCents: 0,
    });
    expect((await issued()).numberSequence).toBe((invoice.numberSequence ?? 0) + 1);
  });

  it('refuses to void an invoice with a payment', async () => {
    const invoice = await issued();
    expectOk(
      await executeAction(recordPaymentCommand, owner, {
        id: invoice.id,
        version: invoice.version,
        paidOn: '2026-01-10',
        amount: '1',
        method: 'cash',
      }),
    );
    const result = await executeAction(voidInvoiceCommand, manager, {
      id: invoice.id,
      version: invoice.version + 1,
      reason: 'Too late',
    });
    expect(result).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('overdue', () => {
  it('marks open invoices past due as overdue once and tells the account owner', async () => {
    const invoice = await issued();
    const dayAfterDue = new Date(Date.parse(`${invoice.dueDate}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    await db.transaction((tx) => markOverdueInvoices(tx, invoice.dueDate!));
    expect(await readInvoice(invoice.id)).toMatchObject({ status: 'issued' });
    expect(await db.transaction((tx) => markOverdueInvoices(tx, dayAfterDue))).toBeGreaterThan(0);
    expect(await db.transaction((tx) => markOverdueInvoices(tx, dayAfterDue))).toBe(0);
    expect(await readInvoice(invoice.id)).toMatchObject({ status: 'overdue' });
    const sent = await db.select().from(notifications).where(eq(notifications.userId, owner.id));
    expect(sent.map(({ kind, href }) => ({ kind, href }))).toEqual([
      { kind: 'invoice_overdue', href: `/invoices/${invoice.id}` },
    ]);
  });
});
