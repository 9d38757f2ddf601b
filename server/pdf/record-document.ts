import 'server-only';
import { createPdfDocument } from './document';
import { writeMarkdown } from './markdown';
import { pdfColors, writeRuns } from './text';

export type RecordPdf = {
  companyName: string;
  /** The line above the title, e.g. "Proposal for Acme". */
  kicker: string;
  title: string;
  /** Label and value lines under the title. */
  facts: [string, string][];
  /** The Markdown body. */
  body: string;
};

/**
 * A letter-size PDF of a record the client reads (a proposal, a contract): the company header,
 * the title and facts, the Markdown body, and "page n of m" footers.
 */
export function renderRecordPdf(record: RecordPdf): Promise<Buffer> {
  const { doc, content } = createPdfDocument({
    size: 'LETTER',
    margin: 56,
    bufferPages: true,
    info: { Title: record.title, Author: record.companyName, Subject: record.kicker },
  });

  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  writeRuns(doc, [{ bold: true, color: '#2443b0', text: record.companyName }], {
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
  writeRuns(doc, [{ color: pdfColors.muted, text: record.kicker }], { x: left, width, size: 10 });
  writeRuns(doc, [{ bold: true, text: record.title }], { x: left, width, size: 18 });
  doc.moveDown(0.6);
  for (const [label, value] of record.facts) {
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
  writeMarkdown(doc, record.body, { x: left, width });

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
          text: `${record.companyName} · ${record.title} · Page ${index + 1} of ${range.count}`,
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

/** A file name from a title: letters (in any script), digits, spaces and dashes, never empty. */
export function titleFileName(title: string, fallback: string) {
  const cleaned = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}\s-]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  // Cut by characters, not UTF-16 units, so a letter outside the BMP is never split.
  const safe = [...cleaned].slice(0, 80).join('').trim();
  return `${safe || fallback}.pdf`;
}
