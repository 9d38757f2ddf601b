import { FileDown } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ContractForm } from '@/components/contracts/contract-form';
import { ContractStatusBadge } from '@/components/contracts/contract-status-badge';
import { ContractSteps } from '@/components/contracts/contract-steps';
import { FilesPanel } from '@/components/documents/files-panel';
import { InvoiceFromContractForm } from '@/components/invoices/new-invoice-form';
import { BackLink } from '@/components/ui/back-link';
import { buttonClasses } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { Markdown } from '@/components/ui/markdown';
import { isContractEditable, isContractInvoiceable } from '@/lib/contracts';
import { formatDate, formatDateTime, formatMoney, viewerFormat } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { getContractPage, listSignedCopyOptions } from '@/server/contracts/queries';
import { todayIn } from '@/server/proposals/merge-values';

export const metadata: Metadata = { title: 'Contract' };

export default async function ContractPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePermission('clients.read');
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const [{ contract, renewals, canSign }, signedCopyOptions] = await Promise.all([
    getContractPage(viewer, id.data),
    listSignedCopyOptions(viewer, id.data),
  ]);
  const format = viewerFormat(viewer);
  const facts = [
    { label: 'Value', value: formatMoney(contract.valueCents, contract.currency, viewer.locale) },
    { label: 'Start', value: formatDate(contract.startDate, format) },
    { label: 'End', value: formatDate(contract.endDate, format) },
    { label: 'Notice period', value: `${contract.noticePeriodDays} days` },
    { label: 'Notice deadline', value: formatDate(contract.noticeDeadline, format) },
    {
      label: 'Renewal',
      value: contract.autoRenew
        ? `Automatic, ${contract.renewalTermMonths} months`
        : `Not automatic (${contract.renewalTermMonths}-month term)`,
    },
    { label: 'Owner', value: contract.ownerName ?? '—' },
    { label: 'Coordinator', value: contract.coordinatorName ?? '—' },
  ];
  if (contract.signerName) {
    facts.push({
      label: 'Signed',
      value: `${contract.signerName}, ${formatDate(contract.signedOn, format)} (recorded by ${contract.signedByName ?? 'a former user'})`,
    });
    facts.push({ label: 'Signed copy', value: contract.signedDocumentName ?? '—' });
  }
  if (contract.terminationReason) {
    facts.push({
      label: 'Terminated',
      value: `${formatDateTime(contract.terminatedAt, format)}: ${contract.terminationReason}`,
    });
  }
  return (
    <>
      <BackLink href="/contracts">All contracts</BackLink>
      <PageHeader
        title={contract.title}
        description={`With ${contract.clientName}`}
        actions={
          <div className="flex items-center gap-3">
            <ContractStatusBadge status={contract.status} />
            <a href={`/contracts/${contract.id}/pdf`} className={buttonClasses('secondary')}>
              <FileDown aria-hidden className="size-4" />
              PDF
            </a>
          </div>
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm text-slate-600">
        <Link href={`/clients/${contract.clientId}`} className="text-brand-700 hover:underline">
          {contract.clientName}
        </Link>
        {contract.proposalId ? (
          <Link
            href={`/proposals/${contract.proposalId}`}
            className="text-brand-700 hover:underline"
          >
            Proposal: {contract.proposalTitle}
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
          {isContractEditable(contract.status) ? (
            <Card title="Draft">
              <ContractForm key={contract.version} contract={contract} />
            </Card>
          ) : (
            <Card title="Terms">
              {contract.terms.trim() ? (
                <Markdown>{contract.terms}</Markdown>
              ) : (
                <p className="text-sm text-slate-600">No terms written.</p>
              )}
            </Card>
          )}
        </div>
        <div className="min-w-0 space-y-6">
          <ContractSteps
            contract={contract}
            canSign={canSign}
            signedCopyOptions={signedCopyOptions}
            today={todayIn(viewer.timeZone)}
          />
          {isContractInvoiceable(contract.status) ? (
            <InvoiceFromContractForm contractId={contract.id} />
          ) : null}
          <FilesPanel recordKind="contract" recordId={contract.id} viewer={viewer} />
          {renewals.length > 0 ? (
            <Card title="Renewals">
              <ul className="space-y-2 text-sm">
                {renewals.map((renewal) => (
                  <li key={renewal.id}>
                    {formatDate(renewal.previousEndDate, format)} →{' '}
                    {formatDate(renewal.newEndDate, format)} by{' '}
                    {renewal.renewedByName ?? 'automatic renewal'}
                    {renewal.dealId ? (
                      <>
                        {' · '}
                        <Link
                          href={`/deals/${renewal.dealId}`}
                          className="text-brand-700 hover:underline"
                        >
                          {renewal.dealName}
                        </Link>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
