import { dealStageLabels, dealStages, recentlyClosedDays } from '@/lib/deals';
import { formatCount, formatMoney } from '@/lib/format';
import type { StageTotal } from '@/server/deals/queries';

/** Amounts per currency, never added across currencies: "$12,000 · €4,000". */
function moneyByCurrency(
  totals: StageTotal[],
  field: 'amountCents' | 'weightedCents',
  locale: string,
) {
  if (totals.length === 0) return formatMoney(0, 'USD', locale);
  return totals.map((total) => formatMoney(total[field], total.currency, locale)).join(' · ');
}

export function dealCount(totals: StageTotal[]) {
  return totals.reduce((sum, total) => sum + total.count, 0);
}

/** One stage's count, amount and weighted forecast, as the table's summary and board headers show it. */
export function StageFigures({ totals, locale }: { totals: StageTotal[]; locale: string }) {
  return (
    <dl className="space-y-0.5 text-xs text-slate-600">
      <div className="flex justify-between gap-2">
        <dt>Deals</dt>
        <dd className="font-medium text-slate-900">{formatCount(dealCount(totals), locale)}</dd>
      </div>
      <div className="flex justify-between gap-2">
        <dt>Amount</dt>
        <dd className="text-right font-medium text-slate-900">
          {moneyByCurrency(totals, 'amountCents', locale)}
        </dd>
      </div>
      <div className="flex justify-between gap-2">
        <dt>Weighted</dt>
        <dd className="text-right font-medium text-slate-900">
          {moneyByCurrency(totals, 'weightedCents', locale)}
        </dd>
      </div>
    </dl>
  );
}

/** Totals and weighted forecast of every stage, above the pipeline table. */
export function StageSummary({ totals, locale }: { totals: StageTotal[]; locale: string }) {
  return (
    <section aria-labelledby="stage-summary" className="mb-6">
      <h2 id="stage-summary" className="sr-only">
        Totals by stage
      </h2>
      <ul className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {dealStages.map((stage) => (
          <li key={stage} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <p className="mb-1 text-sm font-semibold text-slate-900">{dealStageLabels[stage]}</p>
            <StageFigures
              totals={totals.filter((total) => total.stage === stage)}
              locale={locale}
            />
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-600">
        Won and lost count deals closed in the last {recentlyClosedDays} days.
      </p>
    </section>
  );
}
