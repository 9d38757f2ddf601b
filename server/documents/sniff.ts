import 'server-only';
import { fileTypeFromBuffer } from 'file-type';

/** How many leading bytes the sniffer looks at: enough for the zip listing of an Office file. */
export const sniffBytes = 512 * 1024;

const allowedMediaTypes = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/tiff',
  'image/heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.graphics',
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'video/x-matroska',
  'video/x-msvideo',
  'video/mpeg',
]);

// Word, Excel and PowerPoint before 2007 share one container format; the name tells them apart.
const legacyOfficeTypes: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

export const acceptedKindsMessage =
  'Upload a PDF, an image, an Office or OpenDocument file, plain text, CSV or a video.';

function extensionOf(fileName: string) {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** Text with no magic bytes: valid UTF-8 with no control characters but tabs and line breaks. */
function isPlainText(head: Uint8Array) {
  try {
    // `stream`: the head may end inside a character that continues past it.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

/**
 * The media type of a file from its first bytes (never from its name or the browser's claim), or
 * null when it is not a kind Accord stores.
 */
export async function sniffMediaType(head: Uint8Array, fileName: string): Promise<string | null> {
  const detected = await fileTypeFromBuffer(head);
  const extension = extensionOf(fileName);
  if (!detected) {
    if (!isPlainText(head)) return null;
    return extension === 'csv' ? 'text/csv' : 'text/plain';
  }
  if (detected.mime === 'application/x-cfb') return legacyOfficeTypes[extension] ?? null;
  return allowedMediaTypes.has(detected.mime) ? detected.mime : null;
}
