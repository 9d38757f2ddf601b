import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, PageHeader } from '@/components/ui/card';
import { reportCatalog, reportKeys } from '@/lib/report-catalog';
import { dashboardScopeLabels } from '@/lib/reports';
import { requirePermission } from '@/server/auth/session';
import { dashboardScope } from '@/server/reports/pipeline';

export const metadata: Metadata = { title: 'Reports' };

export default async function ReportsPage() {
  const viewer = await requirePermission('reports.own');
  const scope = dashboardScope(viewer);
  return (
    <>
      <PageHeader title="Reports" description={dashboardScopeLabels[scope]} />
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
    </>
  );
}
