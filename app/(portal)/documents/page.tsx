import type { Metadata } from 'next';
import { ReportRuns } from '@/components/reports/report-runs';
import { Card, PageHeader } from '@/components/ui/card';
import { viewerFormat } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { listReportRuns } from '@/server/reports/runs';

export const metadata: Metadata = { title: 'Documents' };

/** Documents that hang off no client: the reports filed by hand or by a schedule. */
export default async function DocumentsPage() {
  const viewer = await requirePermission('reports.own');
  const runs = await listReportRuns(viewer, undefined, 100);
  return (
    <>
      <PageHeader
        title="Documents"
        description="Filed reports you may see. Files on a client, deal, proposal, contract or invoice are on its page."
      />
      <Card title="Filed reports">
        <ReportRuns runs={runs} viewer={viewerFormat(viewer)} showReport />
      </Card>
    </>
  );
}
