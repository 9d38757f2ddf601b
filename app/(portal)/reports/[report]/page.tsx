import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { FileReportForm } from '@/components/reports/file-report-form';
import { ReportChart } from '@/components/reports/report-chart';
import { ReportFilters } from '@/components/reports/report-filters';
import { ReportRuns } from '@/components/reports/report-runs';
import { ScheduleReportForm } from '@/components/reports/schedule-report-form';
import { ReportTable } from '@/components/reports/report-table';
import { BackLink } from '@/components/ui/back-link';
import { buttonClasses } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { viewerFormat } from '@/lib/format';
import {
  chartRows,
  reportCatalog,
  reportKeys,
  reportScopeLabels,
  type ReportKey,
} from '@/lib/report-catalog';
import { firstValues } from '@/lib/validation/list-params';
import { reportParamsSchema, reportQueryString } from '@/lib/validation/reports';
import { can } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/session';
import { getReportClientName, listReportPeople } from '@/server/reports/queries';
import { runReport } from '@/server/reports/registry';
import { listReportRuns } from '@/server/reports/runs';
import { listScheduleRecipients } from '@/server/reports/schedules';

type Props = {
  params: Promise<{ report: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function reportKeyOf(value: string): ReportKey | null {
  return (reportKeys as readonly string[]).includes(value) ? (value as ReportKey) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const key = reportKeyOf((await params).report);
  return { title: key ? reportCatalog[key].title : 'Report' };
}

export default async function ReportPage({ params, searchParams }: Props) {
  const viewer = await requirePermission('reports.own');
  const key = reportKeyOf((await params).report);
  if (!key) notFound();
  const reportParams = reportParamsSchema.parse(firstValues(await searchParams));
  const [{ context, result }, people, clientName, runs, recipients] = await Promise.all([
    runReport(viewer, key, reportParams),
    listReportPeople(viewer),
    getReportClientName(viewer, reportParams.client),
    listReportRuns(viewer, key),
    listScheduleRecipients(viewer),
  ]);
  const query = reportQueryString(reportParams);
  const catalog = reportCatalog[key];
  const bars = result.chart.barColumns.map((column) => ({
    key: column,
    label: result.columns.find((candidate) => candidate.key === column)?.label ?? column,
  }));
  const barKind = result.columns.find((column) => column.key === bars[0]?.key)?.kind ?? 'count';
  const points = chartRows(result.rows, result.chart.currency).map((row) => ({
    label: String(row.cells[result.chart.labelColumn] ?? ''),
    values: Object.fromEntries(bars.map((bar) => [bar.key, Number(row.cells[bar.key] ?? 0)])),
    // A bar opens its own column's link; the row's other links would only weigh on the payload.
    links: Object.fromEntries(
      bars.flatMap((bar) => {
        const href = row.links[bar.key];
        return href ? [[bar.key, href]] : [];
      }),
    ),
  }));
  const format = viewerFormat(viewer);
  return (
    <>
      <BackLink href="/reports">All reports</BackLink>
      <PageHeader
        title={catalog.title}
        description={`${catalog.description} ${reportScopeLabels[context.scope]}.`}
        actions={
          <div className="flex flex-wrap gap-2">
            <a href={`/reports/${key}/csv?${query}`} className={buttonClasses('secondary')}>
              Export CSV
            </a>
            <a href={`/reports/${key}/pdf?${query}`} className={buttonClasses('secondary')}>
              Export PDF
            </a>
          </div>
        }
      />
      <div className="space-y-6">
        <Card>
          <ReportFilters
            params={reportParams}
            range={context.range}
            owners={people.owners}
            coordinators={people.coordinators}
            clientName={clientName}
            showOwner={context.scope !== 'book'}
            showCoordinator={context.scope !== 'own'}
            resetHref={`/reports/${key}`}
          />
          <p className="mt-3 text-sm text-slate-600">
            {context.range.from} to {context.range.to}, in {viewer.timeZone}.
          </p>
        </Card>
        <Card title="Chart">
          {points.length ? (
            <ReportChart
              points={points}
              bars={bars}
              kind={barKind}
              currency={result.chart.currency}
              locale={viewer.locale}
            />
          ) : (
            <p className="text-sm text-slate-600">Nothing to draw in this period.</p>
          )}
          {result.chart.currency ? (
            <p className="mt-2 text-xs text-slate-600">
              Drawn in {result.chart.currency}; the table lists every currency.
            </p>
          ) : null}
        </Card>
        <Card title="Figures">
          <ReportTable result={result} caption={catalog.title} locale={viewer.locale} />
          {result.notes.map((note) => (
            <p key={note} className="mt-3 text-xs text-slate-600">
              {note}
            </p>
          ))}
        </Card>
        <Card title="Filed reports" actions={<FileReportForm report={key} params={reportParams} />}>
          <ReportRuns runs={runs} viewer={format} />
        </Card>
        {can(viewer, 'reports.schedule') ? (
          <Card title="Schedule this report">
            <ScheduleReportForm report={key} params={reportParams} recipients={recipients} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
