import { Card } from '@/components/ui/card';
import { budgetTotals } from '@/lib/campaigns';
import { formatMoney } from '@/lib/format';
import { cn } from '@/lib/utils';

/** Planned, committed, spent and remaining, with a warning once committed plus spent passes the plan. */
export function BudgetSummary({
  plannedCents,
  committedCents,
  spentCents,
  currency,
  locale,
}: {
  plannedCents: number;
  committedCents: number;
  spentCents: number;
  currency: string;
  locale: string;
}) {
  const totals = budgetTotals(plannedCents, committedCents, spentCents);
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const figures = [
    { label: 'Planned', value: money(totals.plannedCents) },
    { label: 'Committed', value: money(totals.committedCents) },
    { label: 'Spent', value: money(totals.spentCents) },
    { label: 'Remaining', value: money(totals.remainingCents), alarming: totals.overBudget },
  ];
  return (
    <Card title="Budget">
      {totals.overBudget ? (
        <p
          role="alert"
          className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          Over budget: committed and spent come to {money(totals.usedCents)}, which passes the plan
          of {money(totals.plannedCents)} by {money(-totals.remainingCents)}.
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.label}>
            <dt className="text-xs text-slate-600">{figure.label}</dt>
            <dd
              className={cn(
                'text-lg font-semibold tabular-nums',
                figure.alarming ? 'text-red-700' : 'text-slate-900',
              )}
            >
              {figure.value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-slate-600">
        {totals.percentUsed === null
          ? 'No budget planned yet.'
          : `${totals.percentUsed}% of the plan committed or spent.`}
      </p>
    </Card>
  );
}
