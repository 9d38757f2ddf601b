import { numberFormat } from './format';

/**
 * The reports Accord offers, in the order of the index page. Adding a report is one entry here and
 * one in `server/reports/registry.ts`.
 */
export const reportKeys = [
  'pipeline',
  'bookings',
  'win-rate',
  'proposal-turnaround',
  'feedback-sla',
  'invoice-aging',
  'campaign-budget',
  'workload',
] as const;
export type ReportKey = (typeof reportKeys)[number];

export const reportFormats = ['csv', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportScheduleFrequencies = ['weekly', 'monthly'] as const;
export type ReportScheduleFrequency = (typeof reportScheduleFrequencies)[number];

/** Whose numbers a run counted: the whole team, an executive's book, a coordinator's own. */
export const reportScopes = ['team', 'book', 'own'] as const;
export type ReportScope = (typeof reportScopes)[number];

export const reportScopeLabels: Record<ReportScope, string> = {
  team: 'Whole team',
  book: 'Your book: the deals and accounts you own',
  own: 'Your numbers: the deals and accounts you coordinate, your tasks and drafts',
};

export const reportCatalog: Record<ReportKey, { title: string; description: string }> = {
  pipeline: {
    title: 'Pipeline by stage',
    description:
      'Open deals expected to close in the period, per stage: count, value and weighted forecast.',
  },
  bookings: {
    title: 'Bookings by month',
    description: "Won deals' amount by the month they closed, beside contract value signed.",
  },
  'win-rate': {
    title: 'Win rate and sales cycle',
    description: 'Deals closed per month: won, lost, win rate and the days from creation to close.',
  },
  'proposal-turnaround': {
    title: 'Proposal turnaround and review SLA',
    description:
      'Proposals sent per month with the days from draft to sent, and reviews decided on time or late.',
  },
  'feedback-sla': {
    title: 'Feedback SLA',
    description: 'Feedback routed per month: acknowledged within its SLA, late, or still waiting.',
  },
  'invoice-aging': {
    title: 'Invoices aging and DSO',
    description:
      'What is owed at the end of the period by days past due, and days sales outstanding over it.',
  },
  'campaign-budget': {
    title: 'Campaign budget use',
    description:
      'Campaigns running in the period: planned, committed, spent, remaining and share used, with totals per currency.',
  },
  workload: {
    title: 'Workload per coordinator',
    description:
      'Open tasks, meetings this week and proposal drafts of each coordinator right now, and their materials due in the period or overdue.',
  },
};

/** How a report's cell reads: its kind decides formatting in the table, the CSV and the PDF. */
export type ReportValueKind = 'text' | 'count' | 'money' | 'percent' | 'hours' | 'days';
export type ReportColumn = { key: string; label: string; kind: ReportValueKind };
export type ReportCell = string | number | null;

export type ReportRow = {
  key: string;
  cells: Record<string, ReportCell>;
  /** The currency of the row's money cells; null when it has none. */
  currency: string | null;
  /** Drill-down targets per column key: the filtered list behind the number. */
  links: Record<string, string>;
  /** A totals row: in the table, the CSV and the PDF, never drawn as a bar. */
  total?: boolean;
};

/** A report's figures: the table is the source of truth, the chart draws some of its columns. */
export type ReportResult = {
  columns: ReportColumn[];
  rows: ReportRow[];
  /** The column that names each bar, the columns drawn as bars, and the one currency drawn. */
  chart: { labelColumn: string; barColumns: string[]; currency: string | null };
  notes: string[];
};

/** The currency with the most rows, so a chart never adds amounts in different currencies. */
export function chartCurrency(rows: readonly { currency: string | null }[]): string | null {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.currency) counts.set(row.currency, (counts.get(row.currency) ?? 0) + 1);
  }
  return (
    [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null
  );
}

/** The rows a chart draws: those in its currency, or all when the report has no money. */
export function chartRows<T extends { currency: string | null; total?: boolean }>(
  rows: readonly T[],
  currency: string | null,
): T[] {
  return rows.filter((row) => !row.total && (currency === null || row.currency === currency));
}

/** A cell as a person reads it, in the viewer's locale. */
export function formatReportCell(
  value: ReportCell,
  kind: ReportValueKind,
  currency: string | null,
  locale: string,
): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'money':
      return numberFormat(locale, { style: 'currency', currency: currency ?? 'USD' }).format(
        value / 100,
      );
    case 'percent':
      return `${Math.round(value * 100)} %`;
    case 'hours':
      return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(value)} h`;
    case 'days':
      return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(value)} days`;
    default:
      return numberFormat(locale, {}).format(value);
  }
}

/** A cell for a spreadsheet: money in major units, rates as fractions, days to one decimal. */
export function csvReportCell(value: ReportCell, kind: ReportValueKind): string | number | null {
  if (value === null || typeof value === 'string') return value;
  if (kind === 'money') return (value / 100).toFixed(2);
  if (kind === 'percent') return value.toFixed(4);
  if (kind === 'days' || kind === 'hours') return value.toFixed(1);
  return value;
}

/** Won over closed; null when nothing closed. */
export function winRate(won: number, lost: number): number | null {
  return won + lost === 0 ? null : won / (won + lost);
}

/**
 * Days sales outstanding: what is still owed at the end of a period over what was invoiced in it,
 * times the period's days; null when nothing was invoiced.
 */
export function daysSalesOutstanding(
  owedCents: number,
  invoicedCents: number,
  days: number,
): number | null {
  return invoicedCents <= 0 ? null : (owedCents / invoicedCents) * days;
}
