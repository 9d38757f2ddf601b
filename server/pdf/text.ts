import 'server-only';
import { fontPieces, pdfFonts, type PdfDocument } from './document';

export type PdfStyle = {
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  strike?: boolean;
  link?: string;
  color?: string;
};
export type PdfRun = PdfStyle & { text: string };

export const pdfColors = { text: '#0f172a', muted: '#475569' } as const;

function fontFor(style: PdfStyle) {
  if (style.code) return pdfFonts.code;
  if (style.bold && style.italic) return pdfFonts.boldItalic;
  if (style.bold) return pdfFonts.bold;
  if (style.italic) return pdfFonts.italic;
  return pdfFonts.regular;
}

type Placement = {
  x: number;
  y?: number;
  width: number;
  size?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  lineBreak?: boolean;
};

/**
 * Writes styled runs as one flowing paragraph at `x` (and `y`, else the current line), `width`
 * wide, each character in a font that has it. The only way Accord PDFs write text.
 */
export function writeRuns(doc: PdfDocument, runs: PdfRun[], placement: Placement) {
  const parts = runs
    .filter((run) => run.text !== '')
    .flatMap((run) => fontPieces(run.text, fontFor(run)).map((piece) => ({ ...run, ...piece })));
  if (parts.length === 0) return;
  doc.fontSize(placement.size ?? 10.5);
  parts.forEach((part, index) => {
    const options = {
      width: placement.width,
      align: placement.align,
      lineBreak: placement.lineBreak,
      continued: index < parts.length - 1,
      strike: Boolean(part.strike),
      underline: Boolean(part.link),
      link: part.link ?? null,
      lineGap: 2,
    };
    doc.font(part.font).fillColor(part.color ?? pdfColors.text);
    if (index === 0) doc.text(part.text, placement.x, placement.y ?? doc.y, options);
    else doc.text(part.text, options);
  });
}
