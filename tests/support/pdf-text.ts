import { inflateSync } from 'node:zlib';

type PdfObject = { dictionary: string; stream?: Buffer };

/** The numbered objects of a PDF, each with its dictionary text and its (inflated) stream. */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const source = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of source.matchAll(/(?:^|\n)(\d+) 0 obj\b/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = source.indexOf('endobj', start);
    const streamAt = source.indexOf('stream', start);
    if (streamAt === -1 || streamAt > end) {
      objects.set(Number(match[1]), { dictionary: source.slice(start, end) });
      continue;
    }
    const dictionary = source.slice(start, streamAt);
    const dataStart = streamAt + (source.startsWith('stream\r\n', streamAt) ? 8 : 7);
    const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1] ?? 0);
    const raw = pdf.subarray(dataStart, dataStart + length);
    const stream = /\/FlateDecode/.test(dictionary) ? inflateSync(raw) : raw;
    objects.set(Number(match[1]), { dictionary, stream });
  }
  return objects;
}

// A hex string may hold spaces (pdfkit writes a ligature as `<0066 006c>`).
function utf16(hex: string) {
  return Buffer.from(hex.replace(/\s/g, ''), 'hex').swap16().toString('utf16le');
}

/** A ToUnicode CMap as code → text, from its `bfchar` and `bfrange` sections. */
function readCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, body = ''] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code = '', text = ''] of body.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g,
    )) {
      map.set(parseInt(code, 16), utf16(text));
    }
  }
  for (const [, body = ''] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low = '', high = '', target = ''] of body.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F\s]+>|\[[^\]]*\])/g,
    )) {
      const first = parseInt(low, 16);
      const last = parseInt(high, 16);
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach(([, text = ''], offset) => {
          map.set(first + offset, utf16(text));
        });
      } else {
        const base = target.slice(1, -1);
        const start = parseInt(base.slice(-4), 16);
        for (let code = first; code <= last; code += 1) {
          map.set(
            code,
            utf16(base.slice(0, -4) + (start + code - first).toString(16).padStart(4, '0')),
          );
        }
      }
    }
  }
  return map;
}

/** Each font resource name (`/F1`) with the code → text map of its ToUnicode CMap, if it has one. */
function readFonts(objects: Map<number, PdfObject>): Map<string, Map<number, string>> {
  const fonts = new Map<string, Map<number, string>>();
  for (const { dictionary } of objects.values()) {
    for (const [, entries = ''] of dictionary.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const [, name = '', ref = ''] of entries.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
        const font = objects.get(Number(ref));
        const cmapRef = font && /\/ToUnicode (\d+) 0 R/.exec(font.dictionary)?.[1];
        const cmap = cmapRef ? objects.get(Number(cmapRef))?.stream : undefined;
        if (cmap) fonts.set(name, readCMap(cmap.toString('latin1')));
      }
    }
  }
  return fonts;
}

/** The text of one string operand: two-byte codes through the font's CMap, else single bytes. */
function decodeString(bytes: Buffer, cmap: Map<number, string> | undefined) {
  if (!cmap) return bytes.toString('latin1');
  let text = '';
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    text += cmap.get(bytes.readUInt16BE(index)) ?? '\uFFFD';
  }
  return text;
}

/**
 * The text a PDF shows, read the way a viewer would: each page's content stream inflated, then the
 * strings of its text operators (`Tj`/`TJ`, hex or literal) decoded one baseline per line, through
 * the ToUnicode map of the font set by the last `Tf` for embedded (Identity-H) fonts, or as
 * single-byte text for the standard ones. Enough for what pdfkit writes; not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const fonts = readFonts(objects);
  const lines: string[] = [];
  const pages = [...objects.values()].filter(({ dictionary }) =>
    /\/Type \/Page\b/.test(dictionary),
  );
  for (const page of pages) {
    const contentsRef = /\/Contents (\d+) 0 R/.exec(page.dictionary)?.[1];
    const content = objects.get(Number(contentsRef))?.stream?.toString('latin1') ?? '';
    let cmap: Map<number, string> | undefined;
    let baseline: string | undefined;
    let lineY: string | undefined;
    for (const [, y, fontName, operand] of content.matchAll(
      /(?:[-\d.]+\s+){5}([-\d.]+)\s+Tm|\/(\w+)\s+[-\d.]+\s+Tf|(\[[^\]]*\]|<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))\s*T[jJ]/g,
    )) {
      if (y !== undefined) {
        baseline = y;
        continue;
      }
      if (fontName !== undefined) {
        cmap = fonts.get(fontName);
        continue;
      }
      const strings = (operand ?? '').matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g);
      const text = [...strings]
        .map(([, hex, literal]) =>
          hex !== undefined
            ? decodeString(Buffer.from(hex, 'hex'), cmap)
            : (literal ?? '').replace(/\\(.)/g, '$1'),
        )
        .join('');
      // Pieces on one baseline (a run in another font, or another style) are one line of text.
      if (lines.length > 0 && baseline !== undefined && baseline === lineY) {
        lines[lines.length - 1] += text;
      } else {
        lines.push(text);
      }
      lineY = baseline;
    }
  }
  return lines.join('\n');
}
