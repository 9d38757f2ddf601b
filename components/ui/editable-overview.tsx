'use client';

import { Pencil } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { Card } from './card';

export type OverviewItem = { label: string; value: string };

/** An overview card: details to read, and an Edit button that turns them into a form in place. */
export function EditableOverview({
  items,
  renderForm,
}: {
  items: OverviewItem[];
  /** The edit form; it calls `onDone` when saved or cancelled. */
  renderForm: (onDone: () => void) => ReactNode;
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
        renderForm(() => setEditing(false))
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
