import type { openDealStages } from './deals';
import { numberFormat } from './format';

export type OpenDealStage = (typeof openDealStages)[number];

/** Whose numbers a dashboard shows: the whole team, an executive's book, a coordinator's own. */
export type DashboardScope = 'team' | 'book' | 'own';

export const dashboardScopeLabels: Record<DashboardScope, string> = {
  team: 'Whole team',
  book: 'Your book: deals you own, proposals on your accounts or sent to you for review',
  own: 'Your numbers: deals you coordinate and proposals you wrote',
};

export type StageFigures = {
  stage: OpenDealStage;
  currency: string;
  count: number;
  valueCents: number;
  weightedCents: number;
};

export type PipelineDashboard = {
  scope: DashboardScope;
  /** Open deals per stage and currency; a stage with no deals has no row. */
  stages: StageFigures[];
  review: { waiting: number; decided: number; averageTurnaroundHours: number | null };
  /** Deals closed in the window; `rate` is null when none closed. */
  winRate: { won: number; lost: number; rate: number | null };
  wonThisQuarter: { currency: string; count: number; valueCents: number }[];
  windowDays: number;
};

export type CurrencyTotals = {
  currency: string;
  count: number;
  valueCents: number;
  weightedCents: number;
};

/**
 * Open pipeline totals per currency, the currency with the most open deals first (ties by code).
 * Amounts in different currencies are never added together.
 */
export function totalsByCurrency(stages: readonly StageFigures[]): CurrencyTotals[] {
  const totals = new Map<string, CurrencyTotals>();
  for (const row of stages) {
    const total = totals.get(row.currency) ?? {
      currency: row.currency,
      count: 0,
      valueCents: 0,
      weightedCents: 0,
    };
    total.count += row.count;
    total.valueCents += row.valueCents;
    total.weightedCents += row.weightedCents;
    totals.set(row.currency, total);
  }
  return [...totals.values()].sort(
    (a, b) => b.count - a.count || a.currency.localeCompare(b.currency),
  );
}

/** A review turnaround for people: "45 min", "18.5 h" or "3.2 days". */
export function formatTurnaround(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${(Math.round(hours * 10) / 10).toString()} h`;
  return `${(Math.round((hours / 24) * 10) / 10).toString()} days`;
}

/** A share as a whole percentage, e.g. "50 %"; "—" when there is nothing to divide. */
export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)} %`;
}

/** The deals list filtered to one stage (the list reads `stage` from the URL). */
export function pipelineStageHref(stage: OpenDealStage): string {
  return `/pipeline?stage=${stage}`;
}

/** Cents as a short axis label, e.g. "$1.2M". */
export function formatMoneyCompact(cents: number, currency: string, locale: string): string {
  return numberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(cents / 100);
}
