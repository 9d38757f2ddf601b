import { formatDate, formatMoney, type ViewerFormat } from '@/lib/format';
import { formatQuantity, formatRate, paymentMethodLabels } from '@/lib/invoices';
import type { InvoicePage } from '@/server/invoices/queries';

/** An issued invoice as it stands: lines, tax summary, totals, payments and credit notes. */
export function InvoiceDocument({ page, viewer }: { page: InvoicePage; viewer: ViewerFormat }) {
  const { invoice } = page;
  const money = (cents: number) => formatMoney(cents, invoice.currency, viewer.locale);
  return (
    <div className="space-y-6">
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-sm">
          <caption className="sr-only">Lines</caption>
          <thead className="text-left text-xs text-slate-600">
            <tr>
              <th className="py-2 pr-2">Description</th>
              <th className="px-2 text-right">Qty</th>
              <th className="px-2 text-right">Unit price</th>
              <th className="px-2 text-right">Discount</th>
              <th className="px-2 text-right">Tax</th>
              <th className="pl-2 text-right">
                {invoice.pricesIncludeTax ? 'Amount (incl. tax)' : 'Amount'}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.lines.map((line) => (
              <tr key={line.id}>
                <td className="py-2 pr-2">{line.description}</td>
                <td className="px-2 text-right">
                  {formatQuantity(line.quantityMilli, viewer.locale)}
                </td>
                <td className="px-2 text-right">{money(line.unitPriceCents)}</td>
                <td className="px-2 text-right">
                  {line.discountBasisPoints
                    ? formatRate(line.discountBasisPoints, viewer.locale)
                    : '—'}
                </td>
                <td className="px-2 text-right">
                  {line.taxRateName} {formatRate(line.taxRateBasisPoints, viewer.locale)}
                </td>
                <td className="pl-2 text-right">{money(line.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="ml-auto grid max-w-sm grid-cols-2 gap-1 text-sm" aria-label="Totals">
        {page.taxSummary.map((row) => (
          <div key={row.taxRateName} className="contents">
            <dt className="text-slate-600">
              {row.taxRateName} {formatRate(row.taxRateBasisPoints, viewer.locale)} on{' '}
              {money(row.netCents)}
            </dt>
            <dd className="text-right">{money(row.taxCents)}</dd>
          </div>
        ))}
        <dt className="text-slate-600">Subtotal</dt>
        <dd className="text-right">{money(invoice.subtotalCents)}</dd>
        <dt className="text-slate-600">Tax</dt>
        <dd className="text-right">{money(invoice.taxCents)}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold">{money(invoice.totalCents)}</dd>
        <dt className="text-slate-600">Paid</dt>
        <dd className="text-right">{money(invoice.paidCents)}</dd>
        {invoice.creditedCents > 0 ? (
          <>
            <dt className="text-slate-600">Credited</dt>
            <dd className="text-right">{money(invoice.creditedCents)}</dd>
          </>
        ) : null}
        <dt className="font-semibold">Balance</dt>
        <dd className="text-right font-semibold" data-testid="invoice-balance">
          {money(invoice.balanceCents)}
        </dd>
      </dl>
      {page.payments.length > 0 ? (
        <section aria-labelledby="payments-heading">
          <h3 id="payments-heading" className="mb-2 text-sm font-semibold text-slate-900">
            Payments
          </h3>
          <ul className="divide-y divide-slate-100 text-sm">
            {page.payments.map((payment) => (
              <li key={payment.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {formatDate(payment.paidOn, viewer)} · {paymentMethodLabels[payment.method]}
                  {payment.reference ? ` · ${payment.reference}` : ''}
                </span>
                <span>{money(payment.amountCents)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {page.creditNotes.length > 0 ? (
        <section aria-labelledby="credits-heading">
          <h3 id="credits-heading" className="mb-2 text-sm font-semibold text-slate-900">
            Credit notes
          </h3>
          <ul className="divide-y divide-slate-100 text-sm">
            {page.creditNotes.map((note) => (
              <li key={note.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {note.number} · {formatDate(note.issueDate, viewer)} · {note.reason}
                </span>
                <span>{money(note.amountCents)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
