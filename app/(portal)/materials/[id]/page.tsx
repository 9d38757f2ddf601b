import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { FilesPanel } from '@/components/documents/files-panel';
import { EditMaterialForm } from '@/components/materials/edit-material-form';
import { MaterialStatusBadge } from '@/components/materials/material-badges';
import { MaterialSteps } from '@/components/materials/material-steps';
import { BackLink } from '@/components/ui/back-link';
import { Card, PageHeader } from '@/components/ui/card';
import { Markdown } from '@/components/ui/markdown';
import { calendarDateIn, formatDate, formatDateTime, viewerFormat } from '@/lib/format';
import { isMaterialOverdue, materialKindLabels, materialStatusLabels } from '@/lib/materials';
import { requirePermission } from '@/server/auth/session';
import { listAssignableUsers } from '@/server/clients/queries';
import { getMaterialPage } from '@/server/materials/queries';

export const metadata: Metadata = { title: 'Material' };

export default async function MaterialPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('clients.read');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const [{ material, history, campaigns, transitions, mayWrite, mayApprove }, people] =
    await Promise.all([getMaterialPage(viewer, id.data), listAssignableUsers(viewer)]);
  const format = viewerFormat(viewer);
  const overdue = isMaterialOverdue(material, calendarDateIn(viewer.timeZone));
  const facts = [
    { label: 'Kind', value: materialKindLabels[material.kind] },
    { label: 'Requested by', value: material.requestedByName ?? 'A former user' },
    { label: 'Assigned to', value: material.assigneeName ?? 'Nobody yet' },
    {
      label: 'Due',
      value: `${formatDate(material.dueDate, format)}${overdue ? ' · overdue' : ''}`,
    },
    { label: 'Tags', value: material.tags.join(', ') || '—' },
    { label: 'Requested', value: formatDateTime(material.createdAt, format) },
  ];
  if (material.readyAt) {
    facts.push({
      label: 'Ready',
      value: `${formatDateTime(material.readyAt, format)}, approved by ${material.approvedByName ?? 'a former user'}`,
    });
  }
  return (
    <>
      <BackLink href="/materials">All materials</BackLink>
      <PageHeader
        title={material.title}
        description={`${materialKindLabels[material.kind]} for ${material.clientName}`}
        actions={<MaterialStatusBadge status={material.status} />}
      />
      <div className="mb-6 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm text-slate-600">
        <Link href={`/clients/${material.clientId}`} className="text-brand-700 hover:underline">
          {material.clientName}
        </Link>
        {material.dealId ? (
          <Link href={`/deals/${material.dealId}`} className="text-brand-700 hover:underline">
            Deal: {material.dealName}
          </Link>
        ) : null}
        {material.campaignId ? (
          <Link
            href={`/campaigns/${material.campaignId}`}
            className="text-brand-700 hover:underline"
          >
            Campaign: {material.campaignName}
          </Link>
        ) : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card title="Overview">
            <dl className="grid gap-4 sm:grid-cols-3">
              {facts.map((fact) => (
                <div key={fact.label}>
                  <dt className="text-xs text-slate-600">{fact.label}</dt>
                  <dd className="text-sm font-medium break-words text-slate-900">{fact.value}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card title="Brief">
            {material.brief ? (
              <Markdown>{material.brief}</Markdown>
            ) : (
              <p className="text-sm text-slate-600">No brief written.</p>
            )}
          </Card>
          <FilesPanel recordKind="material" recordId={material.id} viewer={viewer} />
          {mayWrite ? (
            <details className="rounded-lg border border-slate-200 bg-white p-4">
              <summary className="cursor-pointer text-sm font-medium text-slate-900">
                Edit the request
              </summary>
              <div className="mt-4">
                <EditMaterialForm
                  key={material.version}
                  material={material}
                  campaigns={campaigns}
                />
              </div>
            </details>
          ) : null}
        </div>
        <div className="min-w-0 space-y-6">
          <Card title="Next steps">
            <MaterialSteps
              material={material}
              transitions={transitions}
              mayWrite={mayWrite}
              mayApprove={mayApprove}
              people={people}
            />
          </Card>
          <Card title="History">
            <ol className="space-y-3 text-sm">
              {history.map((change) => (
                <li key={change.id}>
                  <p className="font-medium text-slate-900">
                    {change.fromStatus
                      ? `${materialStatusLabels[change.fromStatus]} → ${materialStatusLabels[change.toStatus]}`
                      : materialStatusLabels[change.toStatus]}
                  </p>
                  <p className="text-xs text-slate-600">
                    {change.changedByName ?? 'A former user'} ·{' '}
                    {formatDateTime(change.changedAt, format)}
                  </p>
                  {change.comment ? (
                    <p className="mt-1 whitespace-pre-wrap text-slate-700">{change.comment}</p>
                  ) : null}
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}
