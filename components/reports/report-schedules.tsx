import { formatDateTime, type ViewerFormat } from '@/lib/format';
import { reportCatalog } from '@/lib/report-catalog';
import type { ReportScheduleRow } from '@/server/reports/schedules';
import { ScheduleActions } from './schedule-actions';

/** The schedules managers set up, with who gets them and when each last ran. */
export function ReportSchedules({
  schedules,
  viewer,
}: {
  schedules: ReportScheduleRow[];
  viewer: ViewerFormat;
}) {
  if (schedules.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No schedules yet. Open a report to file it every week or month.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {schedules.map((schedule) => {
        const name = `${reportCatalog[schedule.report].title}, ${schedule.frequency}`;
        return (
          <li key={schedule.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div>
              <p className="font-medium">
                {name} as {schedule.format.toUpperCase()}
                {schedule.paused ? ' (paused)' : ''}
              </p>
              <p className="text-slate-600">
                To {schedule.recipientNames.join(', ')} · last filed{' '}
                {schedule.lastRunAt ? formatDateTime(schedule.lastRunAt, viewer) : 'never'}
              </p>
            </div>
            <ScheduleActions id={schedule.id} paused={schedule.paused} name={name} />
          </li>
        );
      })}
    </ul>
  );
}
