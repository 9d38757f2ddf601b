import 'server-only';
import path from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

export type PdfDocument = InstanceType<typeof PDFDocument>;

/**
 * The TTF files (SIL Open Font License) every Accord PDF writes with: Noto Sans for Latin, Greek
 * and Cyrillic, its mono for code, and Noto Sans Math for the arrows and symbols Noto Sans lacks.
 * Found from the working directory, not from this module, whose bundled copy runs from `.next/`:
 * `npm start`, `next start` and the tests run from the project folder, and next.config.ts traces
 * these files into the build.
 */
const fontFiles = {
  NotoSans: 'noto-sans/400Regular/NotoSans_400Regular.ttf',
  'NotoSans-Bold': 'noto-sans/700Bold/NotoSans_700Bold.ttf',
  'NotoSans-Italic': 'noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  'NotoSans-BoldItalic': 'noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
  NotoSansMono: 'noto-sans-mono/400Regular/NotoSansMono_400Regular.ttf',
  NotoSansMath: 'noto-sans-math/400Regular/NotoSansMath_400Regular.ttf',
} as const;

export type PdfFont = keyof typeof fontFiles;

/** The font of each text style; write text through `writeRuns` so symbols fall back. */
export const pdfFonts = {
  regular: 'NotoSans',
  bold: 'NotoSans-Bold',
  italic: 'NotoSans-Italic',
  boldItalic: 'NotoSans-BoldItalic',
  code: 'NotoSansMono',
} as const satisfies Record<string, PdfFont>;

const fallbackFont: PdfFont = 'NotoSansMath';

/** Where the font files are, relative to the project folder (for the build's file tracing). */
const pdfFontFolder = 'node_modules/@expo-google-fonts';

function fontPath(font: PdfFont) {
  return path.join(process.cwd(), pdfFontFolder, fontFiles[font]);
}

const openedFonts = new Map<PdfFont, fontkit.Font>();

function hasGlyph(font: PdfFont, codePoint: number) {
  let opened = openedFonts.get(font);
  if (!opened) {
    opened = fontkit.openSync(fontPath(font)) as fontkit.Font;
    openedFonts.set(font, opened);
  }
  return opened.hasGlyphForCodePoint(codePoint);
}

/**
 * `text` cut into pieces, each with the font that draws it: `font` where it has the glyph, the
 * symbol fallback where only that has it (an arrow in Noto Sans), so no character becomes a box.
 */
export function fontPieces(text: string, font: PdfFont): { font: PdfFont; text: string }[] {
  const pieces: { font: PdfFont; text: string }[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    const drawnBy =
      codePoint < 0x80 || hasGlyph(font, codePoint) || !hasGlyph(fallbackFont, codePoint)
        ? font
        : fallbackFont;
    const last = pieces.at(-1);
    if (last?.font === drawnBy) last.text += character;
    else pieces.push({ font: drawnBy, text: character });
  }
  return pieces;
}

/**
 * A new PDF with the Accord fonts registered (and Noto Sans as its starting font, so pdfkit never
 * loads its built-in Helvetica, which knows Western European letters only and reads `.afm` files
 * a build can lose), and a promise of its bytes once `doc.end()` is called.
 */
export function createPdfDocument(options: Omit<PDFKit.PDFDocumentOptions, 'font'>) {
  const doc = new PDFDocument({ ...options, font: fontPath(pdfFonts.regular) });
  for (const font of Object.keys(fontFiles) as PdfFont[]) doc.registerFont(font, fontPath(font));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const content = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, content };
}
