'use client';

import { EditableOverview, type OverviewItem } from '@/components/ui/editable-overview';
import { EditClientForm, type ClientFormValues } from './client-form';

/** The client's overview card, editable in place. */
export function ClientOverview({
  clientId,
  version,
  items,
  values,
}: {
  clientId: string;
  version: number;
  items: OverviewItem[];
  values: ClientFormValues;
}) {
  return (
    <EditableOverview
      items={items}
      renderForm={(onDone) => (
        <EditClientForm clientId={clientId} version={version} values={values} onDone={onDone} />
      )}
    />
  );
}
