import type { Metadata } from 'next';
import Link from 'next/link';
import { ReportSchedules } from '@/components/reports/report-schedules';
import { Card, PageHeader } from '@/components/ui/card';
import { viewerFormat } from '@/lib/format';
import { reportCatalog, reportKeys, reportScopeLabels } from '@/lib/report-catalog';
import { can } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/session';
import { dashboardScope } from '@/server/reports/pipeline';
import { listReportSchedules } from '@/server/reports/schedules';

export const metadata: Metadata = { title: 'Reports' };

export default async function ReportsPage() {
  const viewer = await requirePermission('reports.own');
  const scope = dashboardScope(viewer);
  const schedules = await listReportSchedules(viewer);
  return (
    <>
      <PageHeader title="Reports" description={reportScopeLabels[scope]} />
      <ul className="grid gap-4 md:grid-cols-2">
        {reportKeys.map((key) => (
          <li key={key}>
            <Card className="h-full">
              <h2 className="text-base font-semibold">
                <Link href={`/reports/${key}`} className="text-brand-700 hover:underline">
                  {reportCatalog[key].title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-slate-600">{reportCatalog[key].description}</p>
            </Card>
          </li>
        ))}
      </ul>
      {can(viewer, 'reports.schedule') ? (
        <Card title="Schedules" className="mt-6">
          <ReportSchedules schedules={schedules} viewer={viewerFormat(viewer)} />
        </Card>
      ) : null}
    </>
  );
}
