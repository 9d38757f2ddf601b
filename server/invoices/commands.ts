import 'server-only';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import {
  clients,
  contracts,
  creditNotes,
  invoiceLines,
  invoices,
  payments,
  type Invoice,
} from '@/db/schema';
import { isContractInvoiceable } from '@/lib/contracts';
import { formatMoney } from '@/lib/format';
import {
  addDays,
  computeInvoiceTotals,
  formatDocumentNumber,
  invoiceBalance,
  invoiceStatusLabels,
  openInvoiceStatuses,
  type InvoiceLineInput,
  settledStatus,
  type InvoiceStatus,
} from '@/lib/invoices';
import {
  createInvoiceFromContractSchema,
  createInvoiceSchema,
  creditNoteSchema,
  issueInvoiceSchema,
  recordPaymentSchema,
  updateInvoiceDraftSchema,
  voidInvoiceSchema,
  type InvoiceSettings,
} from '@/lib/validation/invoices';
import { defineAction, type ActionContext } from '@/server/action';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { lockVisibleClient, recordActivity } from '@/server/clients/records';
import { visibleContracts } from '@/server/contracts/visibility';
import { conflict, forbidden, notFound, staleRecord } from '@/server/errors';
import { notify } from '@/server/notifications/notify';
import { takeNextNumber } from './numbering';
import { readInvoiceSettings } from './settings';
import { visibleInvoices } from './visibility';

/** Today's calendar date in UTC (or `now`'s): the date invoices are issued, paid and aged on. */
export function todayUtc(now = new Date()) {
  return now.toISOString().slice(0, 10);
}

/** Locks an invoice the user may see, refusing it when the form read an older version. */
async function lockInvoice(tx: Transaction, user: CurrentUser, id: string, version: number) {
  const [row] = await tx
    .select({ invoice: invoices, ownerId: clients.ownerId })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(and(eq(invoices.id, id), await visibleInvoices(user)))
    .for('update', { of: invoices })
    .limit(1);
  if (!row) throw notFound('invoice');
  if (row.invoice.version !== version) throw staleRecord('invoice');
  return row;
}

function assertDraft(invoice: Invoice) {
  if (invoice.status !== 'draft') {
    throw conflict('An issued invoice is never edited: void it or credit it instead.');
  }
}

/** Issuing, voiding, crediting and payments: the account owner or a manager (DESIGN.md §1). */
function assertMayIssue(user: CurrentUser, ownerId: string | null) {
  if (!can(user, 'invoices.issue', { ownerId })) {
    throw forbidden('Only the account owner or a manager can do that.');
  }
}

function assertOpen(invoice: Invoice) {
  if (!(openInvoiceStatuses as readonly InvoiceStatus[]).includes(invoice.status)) {
    throw conflict(
      `An invoice that is ${invoiceStatusLabels[invoice.status].toLowerCase()} cannot be changed that way.`,
    );
  }
}

function invoiceLabel(invoice: Pick<Invoice, 'number'>) {
  return invoice.number ? `Invoice ${invoice.number}` : 'Draft invoice';
}

/** Writes the invoice's change with its audit entry and a line on the client's timeline. */
async function saveInvoice(
  { tx, user, audit }: ActionContext,
  invoice: Invoice,
  changes: Partial<typeof invoices.$inferInsert>,
  event: { action: string; subject: string; body?: string | null; after?: Record<string, unknown> },
) {
  const [updated] = await tx
    .update(invoices)
    .set({ ...changes, version: sql`${invoices.version} + 1` })
    .where(eq(invoices.id, invoice.id))
    .returning();
  if (!updated) throw notFound('invoice');
  await audit({
    action: event.action,
    entityType: 'invoice',
    entityId: invoice.id,
    before: { status: invoice.status, number: invoice.number },
    after: { status: updated.status, number: updated.number, ...event.after },
  });
  await recordActivity(tx, {
    clientId: invoice.clientId,
    kind: 'invoice',
    subject: event.subject,
    body: event.body ?? null,
    actorId: user.id,
  });
  return updated;
}

/** Re-sums the payments and credit notes ledgers: the balance and status follow from them. */
async function settle(tx: Transaction, invoice: Invoice) {
  const [[paid], [credited]] = await Promise.all([
    tx
      .select({ cents: sql<string>`coalesce(sum(${payments.amountCents}), 0)` })
      .from(payments)
      .where(eq(payments.invoiceId, invoice.id)),
    tx
      .select({ cents: sql<string>`coalesce(sum(${creditNotes.amountCents}), 0)` })
      .from(creditNotes)
      .where(eq(creditNotes.invoiceId, invoice.id)),
  ]);
  const paidCents = Number(paid?.cents ?? 0);
  const creditedCents = Number(credited?.cents ?? 0);
  return {
    paidCents,
    creditedCents,
    balanceCents: invoiceBalance(invoice.totalCents, paidCents, creditedCents),
    status: settledStatus({
      totalCents: invoice.totalCents,
      paidCents,
      creditedCents,
      dueDate: invoice.dueDate ?? todayUtc(),
      today: todayUtc(),
    }),
  };
}

/**
 * The start of every change to an issued invoice's money (void, credit, payment): lock it, check
 * the owner-or-manager rule and that money is still owed, and read its ledgers.
 */
async function lockOpenInvoice(
  tx: Transaction,
  user: CurrentUser,
  input: { id: string; version: number },
) {
  const { invoice, ownerId } = await lockInvoice(tx, user, input.id, input.version);
  assertMayIssue(user, ownerId);
  assertOpen(invoice);
  return { invoice, ledger: await settle(tx, invoice) };
}

type PricedLine = InvoiceLineInput & { description: string };

/** Replaces the draft's lines and gives the totals they add up to. */
async function writeLines(tx: Transaction, invoice: Invoice, lines: PricedLine[]) {
  const totals = computeInvoiceTotals(lines, {
    rounding: invoice.taxRounding,
    pricesIncludeTax: invoice.pricesIncludeTax,
  });
  await tx.delete(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
  if (lines.length > 0) {
    await tx.insert(invoiceLines).values(
      lines.map((line, index) => ({
        ...line,
        invoiceId: invoice.id,
        position: index + 1,
        amountCents: totals.lineAmounts[index] ?? 0,
      })),
    );
  }
  return {
    subtotalCents: totals.subtotalCents,
    taxCents: totals.taxCents,
    totalCents: totals.totalCents,
    balanceCents: totals.totalCents,
  };
}

/**
 * Inserts a draft under today's billing settings, audits it and puts it on the client's timeline;
 * a draft from a contract also gets its prefilled line.
 */
async function insertDraft(
  { tx, user, audit }: ActionContext,
  draft: { clientId: string; currency: string; contractId?: string },
  line?: (settings: InvoiceSettings) => PricedLine,
) {
  const invoiceSettings = await readInvoiceSettings(tx);
  const [inserted] = await tx
    .insert(invoices)
    .values({
      ...draft,
      paymentTermsDays: invoiceSettings.paymentTermsDays,
      taxRounding: invoiceSettings.taxRounding,
      pricesIncludeTax: invoiceSettings.pricesIncludeTax,
      createdById: user.id,
    })
    .returning();
  if (!inserted) throw new Error('invoice not created');
  if (line) {
    const totals = await writeLines(tx, inserted, [line(invoiceSettings)]);
    await tx.update(invoices).set(totals).where(eq(invoices.id, inserted.id));
  }
  await audit({
    action: 'invoice.created',
    entityType: 'invoice',
    entityId: inserted.id,
    after: draft,
  });
  await recordActivity(tx, {
    clientId: draft.clientId,
    kind: 'invoice',
    subject: 'Invoice drafted',
    actorId: user.id,
  });
  return { id: inserted.id };
}

export const createInvoiceCommand = defineAction({
  schema: createInvoiceSchema,
  permission: 'invoices.draft',
  async run(input, context) {
    const client = await lockVisibleClient(context.tx, context.user, input.clientId);
    return insertDraft(context, { clientId: client.id, currency: client.currency });
  },
});

/** A draft for a signed or active contract: its client and currency, one line for its value. */
export const createInvoiceFromContractCommand = defineAction({
  schema: createInvoiceFromContractSchema,
  permission: 'invoices.draft',
  async run(input, context) {
    const [contract] = await context.tx
      .select()
      .from(contracts)
      .where(and(eq(contracts.id, input.contractId), await visibleContracts(context.user)))
      .for('share')
      .limit(1);
    if (!contract) throw notFound('contract');
    if (!isContractInvoiceable(contract.status)) {
      throw conflict('Only a signed or active contract can be invoiced.');
    }
    return insertDraft(
      context,
      { clientId: contract.clientId, currency: contract.currency, contractId: contract.id },
      ({ taxRates: [rate] }) => {
        if (!rate) throw conflict('Add a tax rate under Admin → Settings first.');
        return {
          description: contract.title,
          quantityMilli: 1000,
          unitPriceCents: contract.valueCents,
          discountBasisPoints: 0,
          taxRateName: rate.name,
          taxRateBasisPoints: rate.rateBasisPoints,
        };
      },
    );
  },
});

export const updateInvoiceDraftCommand = defineAction({
  schema: updateInvoiceDraftSchema,
  permission: 'invoices.draft',
  async run(input, context) {
    const { tx, user, audit } = context;
    const { invoice } = await lockInvoice(tx, user, input.id, input.version);
    assertDraft(invoice);
    const { taxRates } = await readInvoiceSettings(tx);
    const lineErrors: Record<string, string[]> = {};
    const lines = input.lines.map((line, index) => {
      const rate = taxRates.find((candidate) => candidate.name === line.taxRateName);
      if (!rate) lineErrors[`lines.${index}.taxRateName`] = ['Choose a tax rate from Settings.'];
      return {
        description: line.description,
        quantityMilli: line.quantity,
        unitPriceCents: line.unitPrice,
        discountBasisPoints: line.discount,
        taxRateName: line.taxRateName,
        taxRateBasisPoints: rate?.rateBasisPoints ?? 0,
      };
    });
    if (Object.keys(lineErrors).length > 0) {
      throw conflict('Check the highlighted fields.', lineErrors);
    }
    const totals = await writeLines(tx, invoice, lines);
    const [updated] = await tx
      .update(invoices)
      .set({
        poNumber: input.poNumber ?? null,
        notes: input.notes ?? null,
        paymentTermsDays: input.paymentTermsDays,
        ...totals,
        version: sql`${invoices.version} + 1`,
      })
      .where(eq(invoices.id, invoice.id))
      .returning({ version: invoices.version });
    await audit({
      action: 'invoice.updated',
      entityType: 'invoice',
      entityId: invoice.id,
      before: { totalCents: invoice.totalCents },
      after: { totalCents: totals.totalCents, lines: lines.length },
    });
    return { id: invoice.id, version: updated?.version ?? invoice.version + 1 };
  },
});

export const issueInvoiceCommand = defineAction({
  schema: issueInvoiceSchema,
  permission: 'invoices.issue',
  async run(input, context) {
    const { tx, user } = context;
    const { invoice, ownerId } = await lockInvoice(tx, user, input.id, input.version);
    assertMayIssue(user, ownerId);
    assertDraft(invoice);
    if (invoice.totalCents <= 0) {
      throw conflict('Add at least one line with an amount before issuing the invoice.');
    }
    const { invoicePrefix } = await readInvoiceSettings(tx);
    const issueDate = todayUtc();
    const year = Number(issueDate.slice(0, 4));
    const sequence = await takeNextNumber(tx, 'invoice', year);
    const number = formatDocumentNumber(invoicePrefix, year, sequence);
    const issued = await saveInvoice(
      context,
      invoice,
      {
        status: 'issued',
        number,
        numberYear: year,
        numberSequence: sequence,
        issueDate,
        dueDate: addDays(issueDate, invoice.paymentTermsDays),
        issuedAt: new Date(),
        issuedById: user.id,
        balanceCents: invoice.totalCents,
      },
      {
        action: 'invoice.issued',
        subject: `Invoice ${number} issued: ${formatMoney(invoice.totalCents, invoice.currency)}`,
      },
    );
    return { id: issued.id, number };
  },
});

export const voidInvoiceCommand = defineAction({
  schema: voidInvoiceSchema,
  permission: 'invoices.issue',
  async run(input, context) {
    const { invoice, ledger } = await lockOpenInvoice(context.tx, context.user, input);
    if (ledger.paidCents > 0) {
      throw conflict('A payment is recorded on this invoice: credit it instead of voiding it.');
    }
    await saveInvoice(
      context,
      invoice,
      { status: 'void', voidedAt: new Date(), voidReason: input.reason, balanceCents: 0 },
      {
        action: 'invoice.voided',
        subject: `${invoiceLabel(invoice)} voided`,
        body: input.reason,
        after: { reason: input.reason },
      },
    );
    return { id: invoice.id };
  },
});

export const createCreditNoteCommand = defineAction({
  schema: creditNoteSchema,
  permission: 'invoices.issue',
  async run(input, context) {
    const { tx, user } = context;
    const { invoice, ledger: before } = await lockOpenInvoice(tx, user, input);
    if (input.amount > before.balanceCents) {
      throw conflict('A credit note cannot exceed the balance.', {
        amount: [`At most ${formatMoney(before.balanceCents, invoice.currency)}.`],
      });
    }
    const { creditNotePrefix } = await readInvoiceSettings(tx);
    const issueDate = todayUtc();
    const year = Number(issueDate.slice(0, 4));
    const sequence = await takeNextNumber(tx, 'credit_note', year);
    const number = formatDocumentNumber(creditNotePrefix, year, sequence);
    await tx.insert(creditNotes).values({
      invoiceId: invoice.id,
      number,
      numberYear: year,
      numberSequence: sequence,
      issueDate,
      amountCents: input.amount,
      reason: input.reason,
      createdById: user.id,
    });
    const after = await settle(tx, invoice);
    await saveInvoice(context, invoice, after, {
      action: 'invoice.credited',
      subject: `Credit note ${number} on ${invoiceLabel(invoice)}: ${formatMoney(input.amount, invoice.currency)}`,
      body: input.reason,
      after: { creditNote: number, amountCents: input.amount },
    });
    return { id: invoice.id, number };
  },
});

export const recordPaymentCommand = defineAction({
  schema: recordPaymentSchema,
  permission: 'invoices.issue',
  async run(input, context) {
    const { tx, user } = context;
    const { invoice, ledger: before } = await lockOpenInvoice(tx, user, input);
    if (input.amount > before.balanceCents) {
      throw conflict('A payment cannot exceed the balance.', {
        amount: [`The balance is ${formatMoney(before.balanceCents, invoice.currency)}.`],
      });
    }
    await tx.insert(payments).values({
      invoiceId: invoice.id,
      paidOn: input.paidOn,
      amountCents: input.amount,
      method: input.method,
      reference: input.reference ?? null,
      recordedById: user.id,
    });
    const after = await settle(tx, invoice);
    await saveInvoice(context, invoice, after, {
      action: 'invoice.payment_recorded',
      subject: `Payment of ${formatMoney(input.amount, invoice.currency)} on ${invoiceLabel(invoice)}`,
      after: { amountCents: input.amount, balanceCents: after.balanceCents },
    });
    return { id: invoice.id, status: after.status, balanceCents: after.balanceCents };
  },
});

/**
 * The daily job's step: issued and partly paid invoices past their due date become overdue, and
 * each account owner hears about theirs once (the status moves only once).
 */
export async function markOverdueInvoices(tx: Transaction, today = todayUtc()) {
  const moved = await tx
    .update(invoices)
    .set({ status: 'overdue', version: sql`${invoices.version} + 1` })
    .where(and(inArray(invoices.status, ['issued', 'partially_paid']), lt(invoices.dueDate, today)))
    .returning({
      id: invoices.id,
      number: invoices.number,
      clientId: invoices.clientId,
      balanceCents: invoices.balanceCents,
      currency: invoices.currency,
    });
  if (moved.length === 0) return 0;
  const owners = await tx
    .select({ id: clients.id, ownerId: clients.ownerId, name: clients.name })
    .from(clients)
    .where(
      inArray(
        clients.id,
        moved.map((invoice) => invoice.clientId),
      ),
    );
  const ownerOf = new Map(owners.map((client) => [client.id, client]));
  for (const invoice of moved) {
    const client = ownerOf.get(invoice.clientId);
    await notify(tx, [client?.ownerId], {
      kind: 'invoice_overdue',
      title: `Invoice ${invoice.number} to ${client?.name ?? 'a client'} is overdue`,
      body: `${formatMoney(invoice.balanceCents, invoice.currency)} is still owed.`,
      href: `/invoices/${invoice.id}`,
      clientId: invoice.clientId,
    });
  }
  return moved.length;
}
