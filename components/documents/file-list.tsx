'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { ActionError } from '@/components/ui/action-error';
import { ConfirmSubmit } from '@/components/ui/confirm-submit';
import { useFormAction } from '@/components/ui/use-form-action';
import {
  formatFileSize,
  isPlayableVideo,
  isPreviewable,
  type DocumentRecordKind,
} from '@/lib/documents';
import { formatDateTime, type ViewerFormat } from '@/lib/format';
import { deleteDocument, purgeDocument } from '@/server/documents/actions';
import type { RecordDocument } from '@/server/documents/queries';
import { UploadProgress, useUploads } from './file-uploader';

type Version = RecordDocument['older'][number];

function typeLabel(mediaType: string) {
  const [group, detail = ''] = mediaType.split('/');
  if (mediaType === 'application/pdf') return 'PDF';
  if (group === 'image' || group === 'video') return `${detail.toUpperCase()} ${group}`;
  if (mediaType === 'text/csv') return 'CSV';
  if (mediaType === 'text/plain') return 'Text';
  if (/wordprocessing|opendocument\.text|msword/.test(mediaType)) return 'Document';
  if (/spreadsheet|ms-excel/.test(mediaType)) return 'Spreadsheet';
  if (/presentation|powerpoint/.test(mediaType)) return 'Presentation';
  return mediaType;
}

function VersionFacts({ version, viewer }: { version: Version; viewer: ViewerFormat }) {
  return (
    <span className="text-xs text-slate-600">
      {typeLabel(version.mediaType)} · {formatFileSize(version.sizeBytes, viewer.locale)} ·{' '}
      {version.uploaderName ?? 'Former user'} · {formatDateTime(version.createdAt, viewer)}
    </span>
  );
}

function FileAction({
  fileId,
  action,
  label,
  title,
  description,
  done,
}: {
  fileId: string;
  action: typeof deleteDocument;
  label: string;
  title: string;
  description: string;
  done: string;
}) {
  const [state, formAction] = useFormAction(action, { successMessage: () => done });
  return (
    <form action={formAction}>
      <ActionError state={state} />
      <input type="hidden" name="fileId" value={fileId} />
      <ConfirmSubmit
        pendingLabel={`${label}…`}
        title={title}
        description={description}
        confirmLabel={label}
      >
        {label}
      </ConfirmSubmit>
    </form>
  );
}

function Preview({ file }: { file: RecordDocument }) {
  const src = `/documents/${file.id}?inline=1`;
  if (file.mediaType === 'application/pdf') {
    // Not a sandboxed frame: Chromium shows no PDF in one. The response's own policy
    // (`default-src 'none'`, nosniff, a sniffed PDF type) keeps anything inside it from running.
    return (
      <iframe
        src={src}
        title={`Preview of ${file.name}`}
        className="h-96 w-full rounded border border-slate-200"
      />
    );
  }
  if (isPlayableVideo(file.mediaType)) {
    return (
      <video
        src={src}
        controls
        preload="metadata"
        aria-label={`Preview of ${file.name}`}
        className="max-h-96 w-full rounded border border-slate-200 bg-black"
      />
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a private file, never optimised or cached
    <img src={src} alt={`Preview of ${file.name}`} className="max-h-96 max-w-full rounded border" />
  );
}

function FileRow({
  file,
  target,
  viewer,
}: {
  file: RecordDocument;
  target: { recordKind: DocumentRecordKind; recordId: string };
  viewer: ViewerFormat;
}) {
  const router = useRouter();
  const inputId = useId();
  const [previewing, setPreviewing] = useState(false);
  const { uploads, start } = useUploads(target, () => router.refresh());
  return (
    <li className="space-y-2 py-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <a
            href={`/documents/${file.id}`}
            className="font-medium break-all text-brand-700 hover:underline"
          >
            {file.name}
          </a>
          {file.versionNumber > 1 ? (
            <span className="ml-2 text-xs text-slate-600">version {file.versionNumber}</span>
          ) : null}
          {file.deleted ? (
            <span className="ml-2 text-xs font-medium text-red-700">Deleted</span>
          ) : null}
          <div>
            <VersionFacts version={file} viewer={viewer} />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {!file.deleted && isPreviewable(file.mediaType) ? (
            <button
              type="button"
              className="text-sm font-medium text-brand-700 hover:underline"
              aria-expanded={previewing}
              onClick={() => setPreviewing(!previewing)}
            >
              {previewing ? 'Hide preview' : 'Preview'}
            </button>
          ) : null}
          {!file.deleted ? (
            <label
              htmlFor={inputId}
              className="cursor-pointer text-sm font-medium text-brand-700 hover:underline"
            >
              New version
              <input
                id={inputId}
                type="file"
                className="sr-only"
                aria-label={`New version of ${file.name}`}
                onChange={(event) => {
                  const chosen = event.target.files?.[0];
                  event.target.value = '';
                  if (chosen) void start([chosen], file.fileId);
                }}
              />
            </label>
          ) : null}
          {!file.deleted && file.canDelete ? (
            <FileAction
              fileId={file.fileId}
              action={deleteDocument}
              label="Delete"
              title={`Delete ${file.name}?`}
              description="The file and its versions leave this record. A manager can still purge or inspect it."
              done="File deleted."
            />
          ) : null}
          {file.deleted && file.canPurge ? (
            <FileAction
              fileId={file.fileId}
              action={purgeDocument}
              label="Purge"
              title={`Purge ${file.name} for good?`}
              description="Every version and its stored bytes are removed. This cannot be undone."
              done="File purged."
            />
          ) : null}
        </div>
      </div>
      <UploadProgress uploads={uploads} />
      {previewing ? <Preview file={file} /> : null}
      {file.older.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">
            Older versions ({file.older.length})
          </summary>
          <ul className="mt-1 space-y-1 pl-4">
            {file.older.map((version) => (
              <li key={version.id}>
                {file.deleted ? (
                  <span>Version {version.versionNumber}</span>
                ) : (
                  <a href={`/documents/${version.id}`} className="text-brand-700 hover:underline">
                    Version {version.versionNumber}
                  </a>
                )}{' '}
                <VersionFacts version={version} viewer={viewer} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

/** The files of a record, newest first. */
export function FileList({
  files,
  recordKind,
  recordId,
  viewer,
}: {
  files: RecordDocument[];
  recordKind: DocumentRecordKind;
  recordId: string;
  viewer: ViewerFormat;
}) {
  if (files.length === 0) return <p className="text-sm text-slate-600">No files yet.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {files.map((file) => (
        <FileRow key={file.fileId} file={file} target={{ recordKind, recordId }} viewer={viewer} />
      ))}
    </ul>
  );
}
