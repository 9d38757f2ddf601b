'use client';

import {
  choiceFor,
  enumFields,
  enumOptions,
  type EnumField,
  type ValueMap,
  type ValueToMatch,
} from '@/lib/client-import-values';
import { importFields } from '@/lib/client-import';
import { formatCount } from '@/lib/format';

const unchosen = '__unchosen';

// What an empty status or tier becomes, so "Leave empty" says what the client will get.
const emptyMeans: Record<EnumField, string> = {
  industry: 'Leave empty',
  status: 'Leave empty (Active)',
  tier: 'Leave empty (Standard)',
};

/** Lists each value of the file's industry, status and tier columns that Accord does not use. */
export function ImportValues({
  toMatch,
  values,
  onChange,
}: {
  toMatch: Record<EnumField, ValueToMatch[]>;
  values: ValueMap;
  onChange: (values: ValueMap) => void;
}) {
  const open = enumFields.reduce(
    (count, field) =>
      count +
      toMatch[field].filter((entry) => choiceFor(field, entry, values) === undefined).length,
    0,
  );
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-700">
        These values come from the other system. The obvious ones are matched for you; check them,
        and choose an Accord value (or leave the field empty) for the rest.
      </p>
      {enumFields.map((field) =>
        toMatch[field].length === 0 ? null : (
          <fieldset key={field} className="space-y-2">
            <legend className="text-sm font-semibold text-slate-900">{importFields[field]}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              {toMatch[field].map((entry) => {
                const choice = choiceFor(field, entry, values);
                return (
                  <label
                    key={entry.value}
                    className="flex items-center justify-between gap-3 text-sm"
                  >
                    <span className="min-w-0 truncate">
                      <span className="font-medium">{entry.value}</span>{' '}
                      <span className="text-slate-600">
                        ({formatCount(entry.rows)} {entry.rows === 1 ? 'row' : 'rows'})
                      </span>
                    </span>
                    <select
                      aria-label={`Accord ${importFields[field].toLowerCase()} for “${entry.value}”`}
                      aria-invalid={choice === undefined}
                      value={choice ?? unchosen}
                      onChange={(event) =>
                        onChange({
                          ...values,
                          [field]: { ...values[field], [entry.value]: event.target.value },
                        })
                      }
                      className="w-56 rounded-md border border-slate-300 bg-white px-2 py-1.5 aria-invalid:border-red-500"
                    >
                      {choice === undefined ? (
                        <option value={unchosen} disabled>
                          Choose…
                        </option>
                      ) : null}
                      <option value="">{emptyMeans[field]}</option>
                      {enumOptions[field].map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  </label>
                );
              })}
            </div>
          </fieldset>
        ),
      )}
      {open > 0 ? (
        <p className="text-sm text-red-800">
          {formatCount(open)} {open === 1 ? 'value is' : 'values are'} not matched yet: rows holding
          them cannot be imported.
        </p>
      ) : null}
    </div>
  );
}
