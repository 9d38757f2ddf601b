import Link from 'next/link';
import { formatMoney, type ViewerFormat } from '@/lib/format';
import { agingBucketLabels, agingBuckets } from '@/lib/invoices';
import type { AgingReport } from '@/server/invoices/queries';

/** The aging report: one table per currency, a row per client and the currency's total. */
export function AgingTable({ report, viewer }: { report: AgingReport; viewer: ViewerFormat }) {
  if (report.totals.length === 0) {
    return <p className="text-sm text-slate-600">Nothing was owed on this date.</p>;
  }
  return (
    <div className="space-y-8">
      {report.totals.map(({ currency, amounts }) => {
        const money = (cents: number) => formatMoney(cents, currency, viewer.locale);
        return (
          <div key={currency} className="overflow-x-auto">
            <table className="w-full min-w-[44rem] text-sm">
              <caption className="mb-2 text-left font-semibold text-slate-900">{currency}</caption>
              <thead className="text-left text-xs text-slate-600">
                <tr>
                  <th className="py-2 pr-2">Client</th>
                  {agingBuckets.map((bucket) => (
                    <th key={bucket} className="px-2 text-right">
                      {agingBucketLabels[bucket]}
                    </th>
                  ))}
                  <th className="pl-2 text-right">Total</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.clients
                  .filter((row) => row.currency === currency)
                  .map((row) => (
                    <tr key={row.clientId}>
                      <td className="py-2 pr-2">
                        <Link
                          href={`/invoices?client=${row.clientId}`}
                          className="text-brand-700 hover:underline"
                        >
                          {row.clientName}
                        </Link>
                      </td>
                      {agingBuckets.map((bucket) => (
                        <td key={bucket} className="px-2 text-right">
                          {money(row.amounts[bucket])}
                        </td>
                      ))}
                      <td className="pl-2 text-right">{money(row.amounts.total)}</td>
                    </tr>
                  ))}
              </tbody>
              <tfoot className="font-semibold">
                <tr>
                  <th scope="row" className="py-2 pr-2 text-left">
                    Total
                  </th>
                  {agingBuckets.map((bucket) => (
                    <td key={bucket} className="px-2 text-right">
                      {money(amounts[bucket])}
                    </td>
                  ))}
                  <td className="pl-2 text-right">{money(amounts.total)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        );
      })}
    </div>
  );
}
