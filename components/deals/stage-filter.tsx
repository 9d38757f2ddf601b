'use client';

import { useUrlState } from '@/components/data-table/use-url-state';
import { dealStageLabels, dealStages } from '@/lib/deals';

/** Several stages at once, bound to the `stage` URL parameter (`stage=lead,qualified`). */
export function StageFilter() {
  const { searchParams, update } = useUrlState();
  const chosen = new Set((searchParams.get('stage') ?? '').split(',').filter(Boolean));
  const toggle = (stage: string, on: boolean) => {
    const next = dealStages.filter((value) => (value === stage ? on : chosen.has(value)));
    update({ stage: next.join(',') });
  };
  return (
    <fieldset>
      <legend className="mb-1 block text-xs font-medium text-slate-600">Stage</legend>
      <div className="flex flex-wrap gap-1">
        {dealStages.map((stage) => (
          <label
            key={stage}
            className="flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type="checkbox"
              checked={chosen.has(stage)}
              onChange={(event) => toggle(stage, event.target.checked)}
            />
            {dealStageLabels[stage]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
