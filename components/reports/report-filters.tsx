import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import { reportRangePresetLabels, reportRangePresets } from '@/lib/report-ranges';
import type { ReportParams } from '@/lib/validation/reports';

type Person = { id: string; name: string };

function Labelled({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: React.ReactNode;
}) {
  return (
    <div className="min-w-36">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * The period and filters of a report as a plain GET form, so the URL is the state and works
 * without JavaScript. Filters the viewer's scope fixes (their book, their own numbers) are left out.
 */
export function ReportFilters({
  params,
  range,
  owners,
  coordinators,
  clientName,
  showOwner,
  showCoordinator,
  resetHref,
}: {
  params: ReportParams;
  range: { from: string; to: string };
  owners: Person[];
  coordinators: Person[];
  clientName: string | null;
  showOwner: boolean;
  showCoordinator: boolean;
  resetHref: string;
}) {
  return (
    <form className="flex flex-wrap items-end gap-3" aria-label="Report period and filters">
      <Labelled id="report-range" label="Period">
        <Select id="report-range" name="range" defaultValue={params.range}>
          {reportRangePresets.map((preset) => (
            <option key={preset} value={preset}>
              {reportRangePresetLabels[preset]}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="report-from" label="From (custom)">
        <Input id="report-from" name="from" type="date" defaultValue={range.from} />
      </Labelled>
      <Labelled id="report-to" label="To (custom)">
        <Input id="report-to" name="to" type="date" defaultValue={range.to} />
      </Labelled>
      {showOwner ? (
        <Labelled id="report-owner" label="Owner">
          <Select id="report-owner" name="owner" defaultValue={params.owner ?? ''}>
            <option value="">Anyone</option>
            {owners.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        </Labelled>
      ) : null}
      {showCoordinator ? (
        <Labelled id="report-coordinator" label="Coordinator">
          <Select
            id="report-coordinator"
            name="coordinator"
            defaultValue={params.coordinator ?? ''}
          >
            <option value="">Anyone</option>
            {coordinators.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        </Labelled>
      ) : null}
      {params.client && clientName ? (
        <p className="text-sm text-slate-700">
          <input type="hidden" name="client" value={params.client} />
          Client: <strong>{clientName}</strong>
        </p>
      ) : null}
      <button type="submit" className={buttonClasses('secondary')}>
        Show
      </button>
      <Link href={resetHref} className="text-sm text-slate-600 underline-offset-2 hover:underline">
        Reset
      </Link>
    </form>
  );
}
