import 'server-only';
import { and, eq } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import { db } from '@/db/client';
import { clients, proposals } from '@/db/schema';
import { getCompanyName } from '@/server/settings/queries';
import { defaultLocale, formatDate, formatMoney } from '@/lib/format';
import { proposalStatusLabels } from '@/lib/proposals';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { visibleClients } from '@/server/clients/visibility';
import { pdfColors, pdfFonts, writeMarkdown } from '@/server/pdf/markdown';

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

/** A file name from a title: letters, digits, spaces and dashes only, never empty. */
export function pdfFileName(title: string) {
  const safe = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .trim();
  return `${safe || 'proposal'}.pdf`;
}

function renderProposal(proposal: ProposalForPdf, companyName: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 56,
    bufferPages: true,
    info: {
      Title: proposal.title,
      Author: companyName,
      Subject: `Proposal for ${proposal.clientName}`,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  doc
    .font(pdfFonts.bold)
    .fontSize(20)
    .fillColor('#2443b0')
    .text(companyName, left, doc.y, { width });
  doc.moveDown(0.2);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1)
    .strokeColor('#2443b0')
    .stroke();
  doc.moveDown(1);
  doc
    .font(pdfFonts.regular)
    .fontSize(10)
    .fillColor(pdfColors.muted)
    .text(`Proposal for ${proposal.clientName}`, { width });
  doc.font(pdfFonts.bold).fontSize(18).fillColor(pdfColors.text).text(proposal.title, { width });
  doc.moveDown(0.6);
  const facts: [string, string][] = [
    ['Client', proposal.clientName],
    ['Amount', formatMoney(proposal.amountCents, proposal.currency)],
    // The client reads the PDF, so it keeps the house format rather than the downloader's.
    ['Valid until', formatDate(proposal.validUntil, { locale: defaultLocale })],
    ['Status', proposalStatusLabels[proposal.status]],
  ];
  doc.fontSize(10.5);
  for (const [label, value] of facts) {
    doc
      .font(pdfFonts.bold)
      .fillColor(pdfColors.muted)
      .text(`${label}: `, left, doc.y, { width, continued: true });
    doc.font(pdfFonts.regular).fillColor(pdfColors.text).text(value);
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
    doc
      .font(pdfFonts.regular)
      .fontSize(8)
      .fillColor(pdfColors.muted)
      .text(
        `${companyName} · ${proposal.title} · Page ${index + 1} of ${range.count}`,
        left,
        doc.page.height - bottom + 16,
        { width, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
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
