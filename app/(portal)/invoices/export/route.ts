import { firstValues } from '@/lib/validation/list-params';
import { csvResponse } from '@/lib/csv';
import { invoiceStatusLabels, type InvoiceStatus } from '@/lib/invoices';
import { invoiceListSchema } from '@/lib/validation/invoices';
import { can } from '@/server/auth/permissions';
import { getUserForRoute } from '@/server/auth/session';
import { streamInvoices } from '@/server/invoices/queries';

const header = [
  'Number',
  'Client',
  'Status',
  'Issue date',
  'Due date',
  'Currency',
  'Total',
  'Balance',
];

const money = (cents: string | number | null) => (Number(cents) / 100).toFixed(2);

async function* invoiceCsvRows(rows: ReturnType<typeof streamInvoices>) {
  for await (const row of rows) {
    yield [
      row.number,
      row.clientName,
      invoiceStatusLabels[row.status as InvoiceStatus],
      row.issueDate,
      row.dueDate,
      row.currency,
      money(row.totalCents),
      money(row.balanceCents),
    ];
  }
}

/**
 * Every invoice matching the list's current filters and search within the
 * viewer's visibility, as CSV streamed row by row.
 */
export async function GET(request: Request) {
  const viewer = await getUserForRoute();
  if (!viewer) return new Response('Sign in to export invoices.', { status: 401 });
  if (!can(viewer, 'clients.read'))
    return new Response('You do not have access to invoices.', { status: 403 });
  const query = new URL(request.url).searchParams;
  const params = invoiceListSchema.parse(firstValues(Object.fromEntries(query)));
  return csvResponse(
    'invoices',
    header,
    invoiceCsvRows(streamInvoices(viewer, params)),
    viewer.timeZone,
  );
}
