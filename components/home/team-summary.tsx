import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { auditActionLabel } from '@/lib/audit-actions';
import { formatCount, formatDateTime, type ViewerFormat } from '@/lib/format';
import { roleLabels, roles } from '@/lib/roles';

type TeamSummaryProps = {
  counts: { byRole: Record<(typeof roles)[number], number>; active: number; inactive: number };
  recent: {
    id: number;
    createdAt: Date;
    actorName: string | null;
    action: string;
    entityType: string;
  }[];
  viewer: ViewerFormat;
};

export function TeamSummary({ counts, recent, viewer }: TeamSummaryProps) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card
        title="Team"
        actions={
          <Link href="/admin/users" className="text-sm font-medium text-brand-700 hover:underline">
            Manage users
          </Link>
        }
      >
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-600">Active users</dt>
            <dd className="text-2xl font-semibold">{formatCount(counts.active, viewer.locale)}</dd>
          </div>
          {roles.map((role) => (
            <div key={role}>
              <dt className="text-xs text-slate-600">{roleLabels[role]}s</dt>
              <dd className="text-2xl font-semibold">
                {formatCount(counts.byRole[role], viewer.locale)}
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 text-sm text-slate-600">
          {counts.inactive === 0
            ? 'No deactivated users.'
            : `${formatCount(counts.inactive, viewer.locale)} deactivated.`}
        </p>
      </Card>
      <Card
        title="Latest activity"
        actions={
          <Link
            href="/admin/audit-log"
            className="text-sm font-medium text-brand-700 hover:underline"
          >
            Audit log
          </Link>
        }
      >
        {recent.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing has been recorded yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {recent.map((entry) => (
              <li key={entry.id} className="flex justify-between gap-4 py-2 text-sm">
                <span>
                  <span className="font-medium">{entry.actorName ?? 'System'}</span> ·{' '}
                  {auditActionLabel(entry.action)}
                </span>
                <time className="shrink-0 text-slate-600" dateTime={entry.createdAt.toISOString()}>
                  {formatDateTime(entry.createdAt, viewer)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
