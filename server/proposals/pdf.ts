import 'server-only';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { clients, proposals } from '@/db/schema';
import { getCompanyName } from '@/server/settings/queries';
import { defaultLocale, formatDate, formatMoney } from '@/lib/format';
import { proposalStatusLabels } from '@/lib/proposals';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { visibleClients } from '@/server/clients/visibility';
import { renderRecordPdf, titleFileName } from '@/server/pdf/record-document';

type ProposalForPdf = NonNullable<Awaited<ReturnType<typeof findProposalForPdf>>>;

/** The proposal and its client's name, if the viewer may see the client; null otherwise. */
async function findProposalForPdf(viewer: CurrentUser, proposalId: string) {
  if (!can(viewer, 'clients.read')) return null;
  const [proposal] = await db
    .select({
      title: proposals.title,
      body: proposals.body,
      amountCents: proposals.amountCents,
      currency: proposals.currency,
      validUntil: proposals.validUntil,
      status: proposals.status,
      clientName: clients.name,
    })
    .from(proposals)
    .innerJoin(clients, eq(clients.id, proposals.clientId))
    .where(and(eq(proposals.id, proposalId), await visibleClients(viewer)));
  return proposal ?? null;
}

/** The proposal's download name, from its title. */
export function pdfFileName(title: string) {
  return titleFileName(title, 'proposal');
}

function renderProposal(proposal: ProposalForPdf, companyName: string): Promise<Buffer> {
  return renderRecordPdf({
    companyName,
    kicker: `Proposal for ${proposal.clientName}`,
    title: proposal.title,
    facts: [
      ['Client', proposal.clientName],
      ['Amount', formatMoney(proposal.amountCents, proposal.currency)],
      // The client reads the PDF, so it keeps the house format rather than the downloader's.
      ['Valid until', formatDate(proposal.validUntil, { locale: defaultLocale })],
      ['Status', proposalStatusLabels[proposal.status]],
    ],
    body: proposal.body,
  });
}

/**
 * The proposal as a PDF with the company header, client, title, amount, validity, status and the
 * Markdown body, for a viewer who may see its client. Null when there is no such proposal for them.
 */
export async function proposalPdf(viewer: CurrentUser, proposalId: string) {
  const proposal = await findProposalForPdf(viewer, proposalId);
  if (!proposal) return null;
  return {
    fileName: pdfFileName(proposal.title),
    content: await renderProposal(proposal, await getCompanyName()),
  };
}
