'use client';

import { Select } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ReportKey } from '@/lib/report-catalog';
import type { ReportParams } from '@/lib/validation/reports';
import { fileReportAction } from '@/server/reports/actions';

/** "File this report": the report as shown, saved as a CSV or PDF document with its parameters. */
export function FileReportForm({
  report,
  params,
  label = 'File this report',
}: {
  report: ReportKey;
  params: ReportParams;
  label?: string;
}) {
  const [state, formAction] = useFormAction(fileReportAction, {
    successMessage: (data) => `Filed as ${data.name}.`,
  });
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="report" value={report} />
      {Object.entries(params).map(([key, value]) =>
        value ? <input key={key} type="hidden" name={key} value={value} /> : null,
      )}
      <div>
        <label
          htmlFor={`file-format-${report}`}
          className="mb-1 block text-xs font-medium text-slate-600"
        >
          Format
        </label>
        <Select id={`file-format-${report}`} name="format" defaultValue="pdf">
          <option value="pdf">PDF</option>
          <option value="csv">CSV</option>
        </Select>
      </div>
      <SubmitButton variant="secondary" pendingLabel="Filing…">
        {label}
      </SubmitButton>
      {state && !state.ok ? <FormError message={state.error} /> : null}
    </form>
  );
}
