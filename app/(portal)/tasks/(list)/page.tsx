import type { Metadata } from 'next';
import { z } from 'zod';
import { NewTaskForm } from '@/components/tasks/new-task-form';
import { TasksTable } from '@/components/tasks/tasks-table';
import { Card } from '@/components/ui/card';
import { viewerFormat } from '@/lib/format';
import { taskLinkKinds } from '@/lib/tasks';
import { firstValues } from '@/lib/validation/list-params';
import { taskListSchema } from '@/lib/validation/tasks';
import { packRows } from '@/lib/packed-rows';
import { requirePermission } from '@/server/auth/session';
import { listTasks } from '@/server/tasks/queries';

export const metadata: Metadata = { title: 'Tasks' };

// `?linkKind=deal&linkId=…` opens the form on that record (a record's page links here).
const linkSchema = z.object({ linkKind: z.enum(taskLinkKinds), linkId: z.uuid() });

export default async function TasksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requirePermission('clients.read');
  const raw = firstValues(await searchParams);
  const params = taskListSchema.parse(raw);
  const link = linkSchema.safeParse(raw);
  const now = new Date();
  const { rows, total, totalIsCapped } = await listTasks(viewer, params, now);
  return (
    <div className="space-y-6">
      <Card title="New task">
        <NewTaskForm
          viewerId={viewer.id}
          timeZone={viewer.timeZone}
          link={link.success ? { kind: link.data.linkKind, id: link.data.linkId } : null}
        />
      </Card>
      <TasksTable
        rows={packRows(rows)}
        total={total}
        totalIsCapped={totalIsCapped}
        params={params}
        viewer={viewerFormat(viewer)}
        listedAt={now.toISOString()}
      />
    </div>
  );
}
