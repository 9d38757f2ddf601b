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
      <legend className="filter-label">Stage</legend>
      <div className="flex flex-wrap gap-1">
        {dealStages.map((stage) => (
          <label key={stage} className="filter-chip">
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
