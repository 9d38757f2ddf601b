'use client';

import { useState } from 'react';
import { Field, Select } from '@/components/ui/field';
import { VersionDiff } from './version-diff';

type Version = { number: number; title: string; body: string };

/** Pick any two versions and read what changed between them. */
export function VersionCompare({ versions }: { versions: Version[] }) {
  const numbers = versions.map((version) => version.number).sort((a, b) => a - b);
  const [from, setFrom] = useState(numbers.at(-2) ?? numbers[0] ?? 1);
  const [to, setTo] = useState(numbers.at(-1) ?? 1);
  const older = versions.find((version) => version.number === from);
  const newer = versions.find((version) => version.number === to);
  const choose = (id: string, label: string, value: number, onChange: (next: number) => void) => (
    <Field id={id} label={label}>
      <Select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {numbers.map((number) => (
          <option key={number} value={number}>
            Version {number}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <div className="space-y-4">
      <div className="grid max-w-md grid-cols-2 gap-4">
        {choose('compare-from', 'Compare', from, setFrom)}
        {choose('compare-to', 'with', to, setTo)}
      </div>
      {older && newer ? (
        <VersionDiff
          older={`# ${older.title}\n\n${older.body}`}
          newer={`# ${newer.title}\n\n${newer.body}`}
          olderLabel={`Version ${older.number}`}
          newerLabel={`Version ${newer.number}`}
        />
      ) : null}
    </div>
  );
}
