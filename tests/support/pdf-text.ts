import { inflateSync } from 'node:zlib';

/**
 * The text a PDF shows, read the way a viewer would: every content stream inflated, then the
 * strings of its text operators (`Tj`/`TJ`, hex or literal) decoded as single-byte text, one
 * operator per line. Enough for the standard fonts pdfkit writes; not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const match of source.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const raw = Buffer.from(match[1] ?? '', 'latin1');
    let content: string;
    try {
      content = inflateSync(raw).toString('latin1');
    } catch {
      content = raw.toString('latin1');
    }
    for (const operator of content.matchAll(
      /(\[[^\]]*\]|<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))\s*T[jJ]/g,
    )) {
      const strings = (operator[1] ?? '').matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g);
      lines.push(
        [...strings]
          .map(([, hex, literal]) =>
            hex !== undefined
              ? Buffer.from(hex, 'hex').toString('latin1')
              : (literal ?? '').replace(/\\(.)/g, '$1'),
          )
          .join(''),
      );
    }
  }
  return lines.join('\n');
}
