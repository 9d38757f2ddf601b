import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from '@/lib/content-disposition';

/** The name a browser takes from the header: `filename*` decoded (RFC 8187). */
function utf8Name(header: string) {
  const encoded = /filename\*=UTF-8''(\S+)$/.exec(header)?.[1];
  if (!encoded) throw new Error(`no filename* in ${header}`);
  return decodeURIComponent(encoded);
}

function asciiName(header: string) {
  return /filename="([^"]*)"/.exec(header)?.[1];
}

describe('attachmentDisposition', () => {
  it('gives an ASCII name and the UTF-8 name for Polish, Turkish, Greek and Cyrillic', () => {
    for (const [name, ascii] of [
      ['Oferta Łódź Zażółć.pdf', 'Oferta Lodz Zazolc.pdf'],
      ['İstanbul Şişecam ılık.pdf', 'Istanbul Sisecam ilik.pdf'],
      ['Πρόταση Ωμέγα.pdf', 'download.pdf'],
      ['Предложение Москва 2027.pdf', '2027.pdf'],
      ['Budget € → 2027.pdf', 'Budget 2027.pdf'],
    ] as const) {
      const header = attachmentDisposition(name);
      expect(header.startsWith('attachment; ')).toBe(true);
      expect(asciiName(header)).toBe(ascii);
      expect(utf8Name(header)).toBe(name);
      // Header values are bytes: anything outside printable ASCII would be mangled on the way.
      expect(header).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('keeps quotes, backslashes and separators from breaking out of the parameters', () => {
    const header = attachmentDisposition('a"b\\c; filename=evil.exe (1)*\'.pdf');
    expect(asciiName(header)).toBe("abc; filename=evil.exe (1)*'.pdf");
    expect(header).toContain(
      "filename*=UTF-8''a%22b%5Cc%3B%20filename%3Devil.exe%20%281%29%2A%27.pdf",
    );
    expect(utf8Name(header)).toBe('a"b\\c; filename=evil.exe (1)*\'.pdf');
  });

  it('writes the UTF-8 name composed (NFC), as a file system shows it', () => {
    expect(utf8Name(attachmentDisposition('Zaz\u0307o\u0301\u0142c\u0301.pdf'))).toBe('Zażółć.pdf');
  });
});
