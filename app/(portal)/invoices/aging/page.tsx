import type { Metadata } from 'next';
import { AgingTable } from '@/components/invoices/aging-table';
import { FileReportForm } from '@/components/reports/file-report-form';
import { BackLink } from '@/components/ui/back-link';
import { buttonClasses } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { Input } from '@/components/ui/field';
import { Pager } from '@/components/ui/pager';
import { calendarDateIn, viewerFormat } from '@/lib/format';
import { agingParamsSchema } from '@/lib/validation/invoices';
import { firstValues } from '@/lib/validation/list-params';
import { can } from '@/server/auth/permissions';
import { requirePermission } from '@/server/auth/session';
import { agingPageSize, getAgingPage } from '@/server/invoices/queries';

export const metadata: Metadata = { title: 'Aging report' };

export default async function AgingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const { asOf = calendarDateIn(viewer.timeZone), page } = agingParamsSchema.parse(
    firstValues(await searchParams),
  );
  const report = await getAgingPage(viewer, asOf, page);
  const pageHref = (target: number) => `/invoices/aging?asOf=${asOf}&page=${target}`;
  return (
    <>
      <BackLink href="/invoices">All invoices</BackLink>
      <PageHeader
        title="Aging report"
        description="What was still owed on a date, by days past due, per client and currency."
        actions={
          <a href={`/invoices/aging/csv?asOf=${asOf}`} className={buttonClasses('secondary')}>
            Export CSV
          </a>
        }
      />
      <Card>
        <form className="mb-6 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="asOf" className="mb-1 block text-xs font-medium text-slate-600">
              As of
            </label>
            <Input id="asOf" name="asOf" type="date" defaultValue={asOf} />
          </div>
          <button type="submit" className={buttonClasses('secondary')}>
            Show
          </button>
        </form>
        <AgingTable report={report} viewer={viewerFormat(viewer)} />
        <Pager
          page={page}
          pageSize={agingPageSize}
          total={report.clientCount}
          noun="clients"
          hrefFor={pageHref}
          locale={viewer.locale}
        />
      </Card>
      {can(viewer, 'reports.own') ? (
        <Card title="File as document" className="mt-6">
          <p className="mb-3 text-sm text-slate-600">
            Files the aging and DSO report as of this date (DSO over its month so far) with the
            reports, where you find it again under Documents.
          </p>
          <FileReportForm
            report="invoice-aging"
            params={{ range: 'custom', from: `${asOf.slice(0, 7)}-01`, to: asOf }}
            label="File as document"
          />
        </Card>
      ) : null}
    </>
  );
}
