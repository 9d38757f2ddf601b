'use client';

import { EditableOverview, type OverviewItem } from '@/components/ui/editable-overview';
import type { DealStage } from '@/lib/deals';
import { EditDealForm, type DealFormValues } from './deal-form';

type Option = { id: string; name: string };

/** The deal's overview card, editable in place against the version it was read at. */
export function DealOverview({
  dealId,
  version,
  stage,
  items,
  values,
  users,
}: {
  dealId: string;
  version: number;
  stage: DealStage;
  items: OverviewItem[];
  values: DealFormValues;
  users: Option[];
}) {
  return (
    <EditableOverview
      items={items}
      renderForm={(onDone) => (
        <EditDealForm
          dealId={dealId}
          version={version}
          stage={stage}
          values={values}
          users={users}
          onDone={onDone}
        />
      )}
    />
  );
}
