import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { invoiceCounters, invoices, type Invoice } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { executeAction } from '@/server/action';
import { createInvoiceCommand, updateInvoiceDraftCommand } from '@/server/invoices/commands';
import { expectOk } from './factories';

/** One line of the lines editor, as the browser posts it. */
export function invoiceLine(overrides: Record<string, string> = {}) {
  return {
    description: 'Campaign strategy',
    quantity: '2',
    unitPrice: '500.00',
    discount: '',
    taxRateName: 'Standard',
    ...overrides,
  };
}

/** A draft for `clientId` drafted by `actor`, with `lines` saved through the draft action. */
export async function draftInvoice(
  actor: CurrentUser,
  clientId: string,
  lines: Record<string, string>[] = [invoiceLine()],
) {
  const { id } = expectOk(await executeAction(createInvoiceCommand, actor, { clientId }));
  expectOk(
    await executeAction(updateInvoiceDraftCommand, actor, {
      id,
      version: '1',
      paymentTermsDays: '14',
      poNumber: 'PO-1',
      notes: '',
      lines: JSON.stringify(lines),
    }),
  );
  return readInvoice(id);
}

/** The invoice's row as stored now. */
export async function readInvoice(id: string): Promise<Invoice> {
  const [row] = await db.select().from(invoices).where(eq(invoices.id, id));
  if (!row) throw new Error('no invoice');
  return row;
}

/** `count` drafts for `clientId` ready to issue (one line's worth of total), at version 1. */
export async function insertDrafts(clientId: string, count: number) {
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

/** The last invoice number taken in `year`'s series. */
export async function lastNumber(year: number) {
  const [counter] = await db
    .select({ lastNumber: invoiceCounters.lastNumber })
    .from(invoiceCounters)
    .where(and(eq(invoiceCounters.series, 'invoice'), eq(invoiceCounters.year, year)));
  return counter?.lastNumber ?? 0;
}

/** Every number issued in `year`, sorted: gapless means exactly 1..n. */
export async function issuedSequences(year: number) {
  const rows = await db
    .select({ sequence: invoices.numberSequence })
    .from(invoices)
    .where(eq(invoices.numberYear, year))
    .orderBy(invoices.numberSequence);
  return rows.map((row) => row.sequence);
}

export function oneToN(n: number) {
  return Array.from({ length: n }, (_, index) => index + 1);
}
