'use client';

import { useState } from 'react';
import { Select } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ReportKey } from '@/lib/report-catalog';
import type { ReportParams } from '@/lib/validation/reports';
import { createReportSchedule } from '@/server/reports/actions';

/** A manager's weekly or monthly filing of this report, e-mailed to the managers chosen. */
export function ScheduleReportForm({
  report,
  params,
  recipients,
}: {
  report: ReportKey;
  params: ReportParams;
  recipients: { id: string; name: string }[];
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [state, formAction] = useFormAction(createReportSchedule, {
    successMessage: () => 'Report scheduled.',
  });
  const recipientError = state && !state.ok ? state.fieldErrors?.recipientIds : undefined;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="report" value={report} />
      {Object.entries(params).map(([key, value]) =>
        value ? <input key={key} type="hidden" name={key} value={value} /> : null,
      )}
      <input type="hidden" name="recipientIds" value={chosen.join(',')} />
      <div className="flex flex-wrap gap-3">
        <div>
          <label
            htmlFor="schedule-frequency"
            className="mb-1 block text-xs font-medium text-slate-600"
          >
            Every
          </label>
          <Select id="schedule-frequency" name="frequency" defaultValue="weekly">
            <option value="weekly">Week</option>
            <option value="monthly">Month</option>
          </Select>
        </div>
        <div>
          <label
            htmlFor="schedule-format"
            className="mb-1 block text-xs font-medium text-slate-600"
          >
            As
          </label>
          <Select id="schedule-format" name="format" defaultValue="pdf">
            <option value="pdf">PDF</option>
            <option value="csv">CSV</option>
          </Select>
        </div>
      </div>
      <fieldset aria-describedby={recipientError ? 'schedule-recipients-error' : undefined}>
        <legend className="mb-1 text-xs font-medium text-slate-600">E-mail to</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {recipients.map((recipient) => (
            <label key={recipient.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={chosen.includes(recipient.id)}
                onChange={(event) =>
                  setChosen((current) =>
                    event.target.checked
                      ? [...current, recipient.id]
                      : current.filter((id) => id !== recipient.id),
                  )
                }
              />
              {recipient.name}
            </label>
          ))}
        </div>
        {recipientError ? (
          <p id="schedule-recipients-error" className="mt-1 text-sm text-red-700">
            {recipientError.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <SubmitButton variant="secondary" pendingLabel="Scheduling…">
        Schedule
      </SubmitButton>
      {state && !state.ok && !recipientError ? <FormError message={state.error} /> : null}
    </form>
  );
}
