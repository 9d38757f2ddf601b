import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { invoices, type Invoice } from '@/db/schema';
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
