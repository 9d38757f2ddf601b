import 'server-only';
import type { Database } from '@/db/client';
import { markOverdueInvoices } from '@/server/invoices/commands';

/**
 * Moves open invoices past their due date (UTC) to overdue and notifies their account owners.
 * Run on the shared schedule: an invoice moves once, so running it often only makes it prompt.
 */
export async function markOverdueInvoicesJob(database: Database, now: Date) {
  return database.transaction((tx) => markOverdueInvoices(tx, now.toISOString().slice(0, 10)));
}
