import { Card } from '@/components/ui/card';
import type { DocumentRecordKind } from '@/lib/documents';
import { viewerFormat } from '@/lib/format';
import type { CurrentUser } from '@/server/auth/session';
import { listRecordDocuments } from '@/server/documents/queries';
import { FileList } from './file-list';
import { FileUploader } from './file-uploader';

/** The Files panel of any record page: upload, list, versions, preview, delete. */
export async function FilesPanel({
  recordKind,
  recordId,
  viewer,
}: {
  recordKind: DocumentRecordKind;
  recordId: string;
  viewer: CurrentUser;
}) {
  const files = await listRecordDocuments(viewer, recordKind, recordId);
  return (
    <Card title="Files">
      <div className="space-y-4">
        <FileUploader recordKind={recordKind} recordId={recordId} />
        <FileList
          files={files}
          recordKind={recordKind}
          recordId={recordId}
          viewer={viewerFormat(viewer)}
        />
      </div>
    </Card>
  );
}
