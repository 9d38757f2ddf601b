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
import { createPdfDocument } from '@/server/pdf/document';
import { writeMarkdown } from '@/server/pdf/markdown';
import { pdfColors, writeRuns } from '@/server/pdf/text';

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

/** A file name from a title: letters (in any script), digits, spaces and dashes, never empty. */
export function pdfFileName(title: string) {
  const cleaned = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}\s-]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  // Cut by characters, not UTF-16 units, so a letter outside the BMP is never split.
  const safe = [...cleaned].slice(0, 80).join('').trim();
  return `${safe || 'proposal'}.pdf`;
}

function renderProposal(proposal: ProposalForPdf, companyName: string): Promise<Buffer> {
  const { doc, content } = createPdfDocument({
    size: 'LETTER',
    margin: 56,
    bufferPages: true,
    info: {
      Title: proposal.title,
      Author: companyName,
      Subject: `Proposal for ${proposal.clientName}`,
    },
  });

  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  writeRuns(doc, [{ bold: true, color: '#2443b0', text: companyName }], {
    x: left,
    width,
    size: 20,
  });
  doc.moveDown(0.2);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1)
    .strokeColor('#2443b0')
    .stroke();
  doc.moveDown(1);
  writeRuns(doc, [{ color: pdfColors.muted, text: `Proposal for ${proposal.clientName}` }], {
    x: left,
    width,
    size: 10,
  });
  writeRuns(doc, [{ bold: true, text: proposal.title }], { x: left, width, size: 18 });
  doc.moveDown(0.6);
  const facts: [string, string][] = [
    ['Client', proposal.clientName],
    ['Amount', formatMoney(proposal.amountCents, proposal.currency)],
    // The client reads the PDF, so it keeps the house format rather than the downloader's.
    ['Valid until', formatDate(proposal.validUntil, { locale: defaultLocale })],
    ['Status', proposalStatusLabels[proposal.status]],
  ];
  for (const [label, value] of facts) {
    writeRuns(doc, [{ bold: true, color: pdfColors.muted, text: `${label}: ` }, { text: value }], {
      x: left,
      width,
    });
  }
  doc.moveDown(0.8);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.5)
    .strokeColor('#cbd5e1')
    .stroke();
  doc.moveDown(1);
  writeMarkdown(doc, proposal.body, { x: left, width });

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    writeRuns(
      doc,
      [
        {
          color: pdfColors.muted,
          text: `${companyName} · ${proposal.title} · Page ${index + 1} of ${range.count}`,
        },
      ],
      {
        x: left,
        y: doc.page.height - bottom + 16,
        width,
        size: 8,
        align: 'center',
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return content;
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
