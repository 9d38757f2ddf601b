import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { dealStageLabels, openDealStages } from '@/lib/deals';
import { formatCount, formatMoney } from '@/lib/format';
import {
  dashboardScopeLabels,
  formatPercent,
  formatTurnaround,
  pipelineStageHref,
  totalsByCurrency,
  type PipelineDashboard as PipelineDashboardData,
} from '@/lib/reports';
import { PipelineChart } from './pipeline-chart';

const linkClass = 'font-medium text-brand-700 hover:underline';

function Figure({ label, value, detail }: { label: string; value: ReactNode; detail: ReactNode }) {
  return (
    <div className="rounded-md border border-slate-200 p-4">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900">{value}</dd>
      <dd className="mt-1 text-xs text-slate-600">{detail}</dd>
    </div>
  );
}

/**
 * The pipeline dashboard of the home page: headline figures, a chart of value and weighted
 * forecast per stage, and a table of the same numbers (the chart's text equivalent). Amounts are
 * never converted: the figures and chart use the currency with the most open deals, and the table
 * lists every currency.
 */
export function PipelineDashboard({
  dashboard,
  locale,
}: {
  dashboard: PipelineDashboardData;
  locale: string;
}) {
  const totals = totalsByCurrency(dashboard.stages);
  const main = totals[0] ?? { currency: 'USD', count: 0, valueCents: 0, weightedCents: 0 };
  const others = totals.slice(1);
  const chartData = openDealStages.map((stage) => {
    const row = dashboard.stages.find(
      (figures) => figures.stage === stage && figures.currency === main.currency,
    );
    return {
      stage,
      label: dealStageLabels[stage],
      valueCents: row?.valueCents ?? 0,
      weightedCents: row?.weightedCents ?? 0,
    };
  });
  const wonThisQuarter = dashboard.wonThisQuarter.find((row) => row.currency === main.currency);
  const { review, winRate, windowDays } = dashboard;
  const waiting = formatCount(review.waiting, locale);

  return (
    <Card title="Pipeline">
      <p className="-mt-2 mb-4 text-sm text-slate-600">
        {dashboardScopeLabels[dashboard.scope]}. Amounts in {main.currency}
        {others.length
          ? `; open deals in ${others.map((total) => total.currency).join(', ')} are not converted and appear only in the table.`
          : '.'}
      </p>
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Figure
          label="Pipeline value"
          value={formatMoney(main.valueCents, main.currency, locale)}
          detail={`${formatCount(main.count, locale)} open ${main.count === 1 ? 'deal' : 'deals'}`}
        />
        <Figure
          label="Weighted forecast"
          value={formatMoney(main.weightedCents, main.currency, locale)}
          detail={`Won this quarter: ${formatMoney(wonThisQuarter?.valueCents ?? 0, main.currency, locale)}`}
        />
        <Figure
          label={`Win rate, last ${windowDays} days`}
          value={formatPercent(winRate.rate)}
          detail={`${formatCount(winRate.won, locale)} won, ${formatCount(winRate.lost, locale)} lost`}
        />
        <Figure
          label="Proposals waiting for review"
          value={
            dashboard.scope === 'own' ? (
              waiting
            ) : (
              <Link href="/proposals/review" className={linkClass}>
                {waiting}
                <span className="sr-only"> in the review queue</span>
              </Link>
            )
          }
          detail={`Average turnaround ${formatTurnaround(review.averageTurnaroundHours)} over ${formatCount(review.decided, locale)} ${review.decided === 1 ? 'review' : 'reviews'}, last ${windowDays} days`}
        />
      </dl>

      <figure className="mt-6">
        <figcaption className="mb-2 text-sm font-medium text-slate-900">
          Open pipeline by stage, {main.currency}: value and weighted forecast
        </figcaption>
        <div
          role="img"
          aria-label={`Bar chart of open pipeline value and weighted forecast by stage in ${main.currency}; the table below gives the same figures.`}
        >
          <PipelineChart data={chartData} currency={main.currency} locale={locale} />
        </div>
      </figure>

      <table className="mt-4 w-full text-sm">
        <caption className="sr-only">Open pipeline by stage and currency</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-600">
            <th scope="col" className="py-2 font-medium">
              Stage
            </th>
            <th scope="col" className="py-2 font-medium">
              Currency
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Deals
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Pipeline value
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Weighted forecast
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {dashboard.stages.length === 0 ? (
            <tr>
              <td colSpan={5} className="py-3 text-slate-600">
                No open deals.
              </td>
            </tr>
          ) : (
            dashboard.stages.map((row) => (
              <tr key={`${row.stage}-${row.currency}`}>
                <th scope="row" className="py-2 text-left font-normal">
                  <Link href={pipelineStageHref(row.stage)} className={linkClass}>
                    {dealStageLabels[row.stage]}
                  </Link>
                </th>
                <td className="py-2">{row.currency}</td>
                <td className="py-2 text-right tabular-nums">{formatCount(row.count, locale)}</td>
                <td className="py-2 text-right tabular-nums">
                  {formatMoney(row.valueCents, row.currency, locale)}
                </td>
                <td className="py-2 text-right tabular-nums">
                  {formatMoney(row.weightedCents, row.currency, locale)}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </Card>
  );
}
