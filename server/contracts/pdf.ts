import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { clients, contracts } from '@/db/schema';
import { contractStatusLabels } from '@/lib/contracts';
import { defaultLocale, formatDate, formatMoney } from '@/lib/format';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { renderRecordPdf, titleFileName } from '@/server/pdf/record-document';
import { getCompanyName } from '@/server/settings/queries';
import { visibleContracts } from './visibility';

/**
 * The contract as a PDF from its terms, with its client, value, term, renewal and notice, for a
 * viewer who may see its client. Null when there is no such contract for them.
 */
export async function contractPdf(viewer: CurrentUser, contractId: string) {
  if (!can(viewer, 'clients.read')) return null;
  const [contract] = await db
    .select({
      title: contracts.title,
      terms: contracts.terms,
      status: contracts.status,
      valueCents: contracts.valueCents,
      currency: contracts.currency,
      startDate: contracts.startDate,
      endDate: contracts.endDate,
      autoRenew: contracts.autoRenew,
      renewalTermMonths: contracts.renewalTermMonths,
      noticePeriodDays: contracts.noticePeriodDays,
      noticeDeadline: contracts.noticeDeadline,
      signerName: contracts.signerName,
      signedOn: contracts.signedOn,
      clientName: clients.name,
    })
    .from(contracts)
    .innerJoin(clients, eq(clients.id, contracts.clientId))
    .where(and(eq(contracts.id, contractId), await visibleContracts(viewer)));
  if (!contract) return null;
  // The client reads the PDF, so dates keep the house format rather than the downloader's.
  const houseDate = (date: string | null) => formatDate(date, { locale: defaultLocale });
  const facts: [string, string][] = [
    ['Client', contract.clientName],
    ['Value', formatMoney(contract.valueCents, contract.currency)],
    ['Term', `${houseDate(contract.startDate)} to ${houseDate(contract.endDate)}`],
    [
      'Renewal',
      contract.autoRenew
        ? `Renews automatically for ${contract.renewalTermMonths} months`
        : 'Does not renew automatically',
    ],
    ['Notice', `${contract.noticePeriodDays} days, by ${houseDate(contract.noticeDeadline)}`],
    ['Status', contractStatusLabels[contract.status]],
  ];
  if (contract.signerName) {
    facts.push(['Signed', `${contract.signerName}, ${houseDate(contract.signedOn)}`]);
  }
  const companyName = await getCompanyName();
  return {
    fileName: titleFileName(contract.title, 'contract'),
    content: await renderRecordPdf({
      companyName,
      kicker: `Contract between ${companyName} and ${contract.clientName}`,
      title: contract.title,
      facts,
      body: contract.terms,
    }),
  };
}
