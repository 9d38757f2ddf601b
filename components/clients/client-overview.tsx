'use client';

import { Pencil } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EditClientForm, type ClientFormValues } from './client-form';

export type OverviewItem = { label: string; value: string };

/** The overview card: details to read, and an Edit button that turns them into a form in place. */
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
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title="Overview"
      actions={
        editing ? null : (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            <Pencil aria-hidden className="size-4" />
            Edit
          </Button>
        )
      }
    >
      {editing ? (
        <EditClientForm
          clientId={clientId}
          version={version}
          values={values}
          onDone={() => setEditing(false)}
        />
      ) : (
        <dl className="grid gap-4 sm:grid-cols-3">
          {items.map((item) => (
            <div key={item.label}>
              <dt className="text-xs text-slate-600">{item.label}</dt>
              <dd className="text-sm font-medium break-words whitespace-pre-line text-slate-900">
                {item.value}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
