import type { Metadata } from 'next';
import { AuditTable } from '@/components/audit/audit-table';
import { PageHeader } from '@/components/ui/card';
import { auditListSchema } from '@/lib/validation/admin';
import { firstValues } from '@/lib/validation/list-params';
import { packRows } from '@/lib/packed-rows';
import { listAuditEntries } from '@/server/audit/queries';
import { requirePermission } from '@/server/auth/session';
import { listUserOptions } from '@/server/users/queries';
import { viewerFormat } from '@/lib/format';

export const metadata: Metadata = { title: 'Audit log' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: PageProps) {
  const viewer = await requirePermission('auditLog.read');
  const params = auditListSchema.parse(firstValues(await searchParams));
  const [{ rows, total, totalIsCapped }, actors] = await Promise.all([
    listAuditEntries(viewer, params),
    listUserOptions(viewer),
  ]);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change and sign-in, newest first. Times are in your time zone."
      />
      <AuditTable
        rows={packRows(rows)}
        total={total}
        totalIsCapped={totalIsCapped}
        params={params}
        viewer={viewerFormat(viewer)}
        actors={actors}
      />
    </>
  );
}
