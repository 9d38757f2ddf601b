import type { DocumentRecordKind } from '@/lib/documents';

export type UploadResult = { ok: true } | { ok: false; error: string };

/**
 * Sends one file to the upload route as the raw request body (so the server streams it), reporting
 * progress from 0 to 1. XMLHttpRequest, because fetch reports no upload progress.
 */
export function uploadFile(
  file: File,
  target: { recordKind: DocumentRecordKind; recordId: string; replacesFileId?: string },
  onProgress: (fraction: number) => void,
): Promise<UploadResult> {
  const query = new URLSearchParams({ recordKind: target.recordKind, recordId: target.recordId });
  if (target.replacesFileId) query.set('replacesFileId', target.replacesFileId);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/documents/upload?${query}`);
    request.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      try {
        const body = JSON.parse(request.responseText) as UploadResult;
        resolve(body.ok ? { ok: true } : { ok: false, error: body.error });
      } catch {
        resolve({ ok: false, error: 'The upload failed. Try again.' });
      }
    };
    request.onerror = () =>
      resolve({ ok: false, error: 'The upload failed. Check the connection.' });
    request.send(file);
  });
}
