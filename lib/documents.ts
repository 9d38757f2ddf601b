import { numberFormat } from './format';

/** The kinds of record a file can be filed on. */
export const documentRecordKinds = [
  'client',
  'deal',
  'proposal',
  'contract',
  'invoice',
  'campaign',
  'material',
  'report',
] as const;
export type DocumentRecordKind = (typeof documentRecordKinds)[number];

export const documentRecordKindLabels: Record<DocumentRecordKind, string> = {
  client: 'client',
  deal: 'deal',
  proposal: 'proposal',
  contract: 'contract',
  invoice: 'invoice',
  campaign: 'campaign',
  material: 'material',
  report: 'report',
};

/** The upload size cap when Admin → Settings has none. */
export const defaultMaxUploadMb = 25;

/** Media types shown inside the page rather than only downloaded. */
export function isPreviewable(mediaType: string) {
  return (
    mediaType === 'application/pdf' ||
    /^image\/(png|jpeg|gif|webp|avif)$/.test(mediaType) ||
    isPlayableVideo(mediaType)
  );
}

/** Videos a browser's `<video>` element plays. */
export function isPlayableVideo(mediaType: string) {
  return /^video\/(mp4|webm|quicktime)$/.test(mediaType);
}

/** "1.2 MB", "512 KB", "80 bytes": sizes in the viewer's number format. */
export function formatFileSize(bytes: number, locale: string) {
  const number = (value: number, digits: number) =>
    numberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)} bytes`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}
