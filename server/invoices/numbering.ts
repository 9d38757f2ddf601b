import 'server-only';
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { invoiceCounters } from '@/db/schema';
import type { InvoiceSeries } from '@/lib/invoices';

/**
 * The next number of a series in `year`, taken in the caller's transaction. The upsert locks the
 * counter row until that transaction ends, so concurrent issues (from any app instance) wait in
 * turn; a transaction that rolls back undoes its increment, so no number is lost. A sequence would
 * not do: its values are not given back on rollback.
 */
export async function takeNextNumber(tx: Transaction, series: InvoiceSeries, year: number) {
  const [row] = await tx
    .insert(invoiceCounters)
    .values({ series, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [invoiceCounters.series, invoiceCounters.year],
      set: { lastNumber: sql`${invoiceCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: invoiceCounters.lastNumber });
  if (!row) throw new Error('the invoice counter returned no row');
  return row.lastNumber;
}
