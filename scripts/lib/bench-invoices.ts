import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { invoiceListSchema } from '@/lib/validation/invoices';
import type { CurrentUser } from '@/server/auth/session';
import { todayUtc } from '@/server/invoices/commands';
import {
  getAgingPage,
  getInvoicePage,
  invoiceListWhere,
  invoicePageQuery,
  listInvoices,
} from '@/server/invoices/queries';

/** The invoice pages of `npm run bench`: the list (default, overdue), one invoice, the aging report. */
export async function invoiceScenarios(viewer: CurrentUser) {
  const [sample] = await db.execute<{ id: string }>(
    sql`select id from invoices where number is not null order by number offset 5000 limit 1`,
  );
  const invoiceId = sample?.id ?? '';
  const lists: [string, Record<string, string>][] = [
    ['invoices list (default)', {}],
    ['invoices list (overdue)', { overdue: '1' }],
  ];
  return [
    ...lists.map(([name, params]) => ({
      name,
      request: { path: `/invoices?${new URLSearchParams(params)}` },
      run: () => listInvoices(viewer, invoiceListSchema.parse(params)),
      list: true,
      plan: async () => {
        const parsed = invoiceListSchema.parse(params);
        return [invoicePageQuery(invoiceListWhere(undefined, parsed), parsed).toSQL()];
      },
    })),
    {
      name: 'invoice page',
      request: { path: `/invoices/${invoiceId}` },
      run: () => getInvoicePage(viewer, invoiceId),
    },
    {
      name: 'aging report (today)',
      request: { path: '/invoices/aging' },
      run: () => getAgingPage(viewer, todayUtc(), 1),
    },
    // On the large seed pages 2 and 200 hold clients owing past due, page 700 is past them all.
    ...[2, 200, 700].map((page) => ({
      name: `aging report (today, page ${page})`,
      request: { path: `/invoices/aging?page=${page}` },
      run: () => getAgingPage(viewer, todayUtc(), page),
    })),
  ];
}
