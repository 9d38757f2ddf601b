import { budgetTotals } from '@/lib/campaigns';
import { formatCount, formatMoney } from '@/lib/format';
import type { CurrencyBudgetTotal } from '@/server/campaigns/budget-totals';

/** The budget totals of every campaign matching the list's filter, one line per currency. */
export function CampaignTotals({
  totals,
  locale,
}: {
  totals: CurrencyBudgetTotal[];
  locale: string;
}) {
  return (
    <section aria-labelledby="campaign-totals" className="mb-6">
      <h2 id="campaign-totals" className="mb-2 text-sm font-semibold text-slate-900">
        Totals for this filter
      </h2>
      {totals.length === 0 ? (
        <p className="text-sm text-slate-600">No campaigns, so nothing planned or used.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {totals.map((total) => {
            const figures = budgetTotals(
              total.plannedCents,
              total.committedCents,
              total.spentCents,
            );
            const money = (cents: number) => formatMoney(cents, total.currency, locale);
            return (
              <li
                key={total.currency}
                className="rounded-lg border border-slate-200 bg-white p-3 text-xs text-slate-600 shadow-sm"
              >
                <p className="mb-1 text-sm font-semibold text-slate-900">
                  {total.currency} · {formatCount(total.campaigns, locale)} campaigns
                </p>
                <dl className="grid grid-cols-2 gap-x-4 gap-y-0.5">
                  <dt>Planned</dt>
                  <dd className="text-right font-medium text-slate-900">
                    {money(figures.plannedCents)}
                  </dd>
                  <dt>Committed</dt>
                  <dd className="text-right font-medium text-slate-900">
                    {money(figures.committedCents)}
                  </dd>
                  <dt>Spent</dt>
                  <dd className="text-right font-medium text-slate-900">
                    {money(figures.spentCents)}
                  </dd>
                  <dt>Remaining</dt>
                  <dd
                    className={
                      figures.overBudget
                        ? 'text-right font-medium text-red-700'
                        : 'text-right font-medium text-slate-900'
                    }
                  >
                    {money(figures.remainingCents)}
                  </dd>
                  <dt>Used</dt>
                  <dd className="text-right font-medium text-slate-900">
                    {figures.percentUsed === null ? '—' : `${figures.percentUsed}%`}
                  </dd>
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
