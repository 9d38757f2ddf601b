import type { Metadata } from 'next';
import Link from 'next/link';
import { TemplatesTable } from '@/components/templates/templates-table';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { firstValues } from '@/lib/validation/list-params';
import { templateListSchema } from '@/lib/validation/templates';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { listTemplates } from '@/server/templates/queries';
import { viewerFormat } from '@/lib/format';

export const metadata: Metadata = { title: 'Templates' };

export default async function TemplatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('templates.write');
  const params = templateListSchema.parse(firstValues(await searchParams));
  const { rows, total, totalIsCapped } = await listTemplates(viewer, params);
  return (
    <>
      <PageHeader
        title="Proposal templates"
        description="The starting points for proposals. Only published templates are offered for new proposals."
        actions={
          <Link href="/templates/new" className={buttonClasses('primary')}>
            New template
          </Link>
        }
      />
      <TemplatesTable
        rows={packRows(rows)}
        total={total}
        totalIsCapped={totalIsCapped}
        params={params}
        viewer={viewerFormat(viewer)}
      />
    </>
  );
}
