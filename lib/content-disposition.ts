// Latin letters that Unicode does not decompose into a base letter and an accent.
const asciiLetters: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  ı: 'i',
  đ: 'd',
  Đ: 'D',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  þ: 'th',
  Þ: 'Th',
};

/** The name in printable ASCII for old clients: accents dropped, other letters gone, never empty. */
function asciiFallback(fileName: string) {
  const dot = fileName.lastIndexOf('.');
  const [stem, extension] =
    dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  const ascii = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, (character) => asciiLetters[character] ?? '')
      .replace(/["\\]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  return `${ascii(stem) || 'download'}${ascii(extension)}`;
}

// RFC 8187: everything but its attr-chars percent-encoded, as UTF-8.
function encodeExtValue(text: string) {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The `Content-Disposition` of a file download (RFC 6266): `filename` an ASCII stand-in for old
 * clients, `filename*` the real name in UTF-8, which every current browser prefers.
 */
export function attachmentDisposition(fileName: string) {
  const name = fileName.normalize('NFC');
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
