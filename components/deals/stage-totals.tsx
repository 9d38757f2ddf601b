'use client';

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
    <dl className="stage-figures">
      <div>
        <dt>Deals</dt>
        <dd>{formatCount(dealCount(totals), locale)}</dd>
      </div>
      <div>
        <dt>Amount</dt>
        <dd>{moneyByCurrency(totals, 'amountCents', locale)}</dd>
      </div>
      <div>
        <dt>Weighted</dt>
        <dd>{moneyByCurrency(totals, 'weightedCents', locale)}</dd>
      </div>
    </dl>
  );
}

/**
 * Totals and weighted forecast of every stage, above the pipeline table: a client component, so
 * the page carries the totals once as data rather than their markup again in its payload.
 */
export function StageSummary({ totals, locale }: { totals: StageTotal[]; locale: string }) {
  return (
    <section aria-labelledby="stage-summary" className="mb-6">
      <h2 id="stage-summary" className="sr-only">
        Totals by stage
      </h2>
      <ul className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {dealStages.map((stage) => (
          <li key={stage} className="stage-card">
            <p>{dealStageLabels[stage]}</p>
            <StageFigures
              totals={totals.filter((total) => total.stage === stage)}
              locale={locale}
            />
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-600">
        {`Won and lost count deals closed in the last ${recentlyClosedDays} days.`}
      </p>
    </section>
  );
}
