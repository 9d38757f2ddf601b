import 'server-only';
import { invoices } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { visibleThroughClient } from '@/server/clients/visibility';

/** Invoices hang off their client: visible exactly when the client is (DESIGN.md §1). */
export function visibleInvoices(user: CurrentUser) {
  return visibleThroughClient(user, invoices.clientId);
}
