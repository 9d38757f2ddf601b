import 'server-only';
import { and, asc, eq, like } from 'drizzle-orm';
import { db } from '@/db/client';
import { clients, invoices } from '@/db/schema';
import { formatMoney } from '@/lib/format';
import { invoiceStatusLabels } from '@/lib/invoices';
import type { SearchHit } from '@/lib/search';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { escapeLike } from '@/server/sql';
import { visibleInvoices } from './visibility';

/** Ctrl/Cmd+K: invoices by the start of their number ("INV-2026-0004"), within visibility. */
export const invoiceSearchProvider = {
  label: 'Invoices',
  async search(viewer: CurrentUser, query: string, limit: number): Promise<SearchHit[]> {
    if (!can(viewer, 'clients.read')) return [];
    const rows = await db
      .select({
        id: invoices.id,
        number: invoices.number,
        status: invoices.status,
        totalCents: invoices.totalCents,
        currency: invoices.currency,
        clientName: clients.name,
      })
      .from(invoices)
      .innerJoin(clients, eq(clients.id, invoices.clientId))
      .where(
        and(
          like(invoices.number, `${escapeLike(query.trim().toUpperCase())}%`),
          await visibleInvoices(viewer),
        ),
      )
      .orderBy(asc(invoices.number))
      .limit(limit);
    return rows.map((row) => ({
      id: row.id,
      title: row.number ?? 'Draft invoice',
      subtitle: [
        row.clientName,
        invoiceStatusLabels[row.status],
        formatMoney(row.totalCents, row.currency),
      ].join(' · '),
      href: `/invoices/${row.id}`,
    }));
  },
};
