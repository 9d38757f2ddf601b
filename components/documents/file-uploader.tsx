'use client';

import { Upload } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import type { DocumentRecordKind } from '@/lib/documents';
import { cn } from '@/lib/utils';
import { uploadFile } from './upload-file';

type Progress = { key: string; name: string; fraction: number; error?: string; done?: boolean };

/** Uploads each chosen or dropped file, several at once, with a progress bar and outcome per file. */
export function useUploads(
  target: { recordKind: DocumentRecordKind; recordId: string },
  onAllDone: () => void,
) {
  const [uploads, setUploads] = useState<Progress[]>([]);
  const update = (key: string, change: Partial<Progress>) =>
    setUploads((current) =>
      current.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)),
    );
  async function start(files: File[], replacesFileId?: string) {
    const started = files.map((file, index) => ({
      file,
      key: `${Date.now()}-${index}-${file.name}`,
    }));
    setUploads((current) => [
      ...current.filter((upload) => !upload.done),
      ...started.map(({ file, key }) => ({ key, name: file.name, fraction: 0 })),
    ]);
    await Promise.all(
      started.map(async ({ file, key }) => {
        const result = await uploadFile(file, { ...target, replacesFileId }, (fraction) =>
          update(key, { fraction }),
        );
        update(key, result.ok ? { fraction: 1, done: true } : { error: result.error });
      }),
    );
    onAllDone();
  }
  return { uploads, start };
}

export function UploadProgress({ uploads }: { uploads: Progress[] }) {
  if (uploads.length === 0) return null;
  return (
    <ul className="space-y-2" aria-label="Uploads">
      {uploads.map((upload) => (
        <li key={upload.key} className="text-sm">
          <div className="flex justify-between gap-2">
            <span className="min-w-0 truncate">{upload.name}</span>
            <span className="shrink-0 text-slate-600">
              {upload.error
                ? 'Refused'
                : upload.done
                  ? 'Uploaded'
                  : `${Math.round(upload.fraction * 100)}%`}
            </span>
          </div>
          <progress
            className="h-1.5 w-full accent-brand-600"
            max={1}
            value={upload.fraction}
            aria-label={`Upload of ${upload.name}`}
          />
          {upload.error ? (
            <p role="alert" className="text-red-700">
              {upload.error}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The drop zone and file picker of a Files panel. */
export function FileUploader({
  recordKind,
  recordId,
}: {
  recordKind: DocumentRecordKind;
  recordId: string;
}) {
  const router = useRouter();
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const { uploads, start } = useUploads({ recordKind, recordId }, () => router.refresh());
  return (
    <div className="space-y-3">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void start([...event.dataTransfer.files]);
        }}
        className={cn(
          'flex flex-col items-center gap-2 rounded-md border-2 border-dashed p-4 text-center text-sm text-slate-600',
          dragging ? 'border-brand-600 bg-brand-50' : 'border-slate-300',
        )}
      >
        <Upload aria-hidden className="size-5" />
        <p>
          Drop files here or{' '}
          <label htmlFor={inputId} className="cursor-pointer font-medium text-brand-700 underline">
            choose files
          </label>
        </p>
        <input
          id={inputId}
          type="file"
          multiple
          className="sr-only"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length) void start(files);
          }}
        />
      </div>
      <UploadProgress uploads={uploads} />
    </div>
  );
}
