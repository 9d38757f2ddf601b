'use client';

import Link from 'next/link';
import Papa from 'papaparse';
import { useId, useMemo, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { Button, buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError } from '@/components/ui/form-message';
import {
  autoMapHeaders,
  checkImportRow,
  importFields,
  importLimits,
  mapImportRows,
  type ColumnMapping,
  type ImportField,
  type RowProblem,
} from '@/lib/client-import';
import {
  effectiveValueMap,
  emptyValueMap,
  enumFields,
  valuesToMatch,
  type ValueMap,
} from '@/lib/client-import-values';
import { formatCount } from '@/lib/format';
import { findImportMapping, importClients } from '@/server/clients/actions';
import { ImportValues } from './import-values';

type Parsed = { fileName: string; headers: string[]; rows: Record<string, string>[] };

/** Reads a CSV file in the browser, refusing what is not UTF-8 CSV text within the limits. */
async function readCsv(file: File): Promise<Parsed> {
  if (file.size > importLimits.maxBytes)
    throw new Error('The file is larger than 5 MB. Split it and import the parts.');
  if (
    !/\.csv$/i.test(file.name) &&
    !['text/csv', 'application/vnd.ms-excel', 'text/plain'].includes(file.type)
  ) {
    throw new Error('Choose a .csv file. Spreadsheets must be saved as CSV first.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new Error('The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.');
  }
  if (text.includes('\u0000')) throw new Error('The file is not a CSV file.');
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim(),
  });
  const headers = (result.meta.fields ?? []).filter(Boolean);
  if (headers.length === 0 || result.data.length === 0)
    throw new Error('The file has no header row or no rows.');
  if (result.data.length > importLimits.maxRows) {
    throw new Error(
      `The file has ${formatCount(result.data.length)} rows; import at most ${formatCount(importLimits.maxRows)} at a time.`,
    );
  }
  return { fileName: file.name, headers, rows: result.data };
}

function ProblemList({ title, problems }: { title: string; problems: RowProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-900">
        {title} ({formatCount(problems.length)})
      </h3>
      <ul className="max-h-64 overflow-y-auto rounded-md border border-slate-200 text-sm">
        {problems.slice(0, 500).map((problem) => (
          <li
            key={`${problem.row}-${problem.message}`}
            className="border-b border-slate-100 px-3 py-1.5 last:border-0"
          >
            <span className="font-medium">Row {problem.row}:</span> {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ImportWizard() {
  const fileId = useId();
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [values, setValues] = useState<ValueMap>(emptyValueMap);
  const [appendUnmapped, setAppendUnmapped] = useState(false);
  const [remembered, setRemembered] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<{
    problems: RowProblem[];
    duplicates: RowProblem[];
  } | null>(null);
  const [skipDuplicates, setSkipDuplicates] = useState(false);
  const [done, setDone] = useState<{ imported: number; skipped: number } | null>(null);
  const [isPending, startTransition] = useTransition();

  const onFile = async (file: File | undefined) => {
    setError(null);
    setProblems(null);
    setParsed(null);
    if (!file) return;
    let result: Parsed;
    try {
      result = await readCsv(file);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : 'The file could not be read.');
      return;
    }
    // Without the remembered mapping the automatic one still works: never block the upload on it.
    const last = await findImportMapping({ headers: result.headers }).catch(() => null);
    const offered = last?.ok ? last.data : null;
    setMapping(offered?.columns ?? autoMapHeaders(result.headers));
    setValues(offered?.values ?? emptyValueMap());
    setAppendUnmapped(offered?.appendUnmapped ?? false);
    setRemembered(offered !== null);
    setParsed(result);
  };

  const startOver = () => {
    if (!parsed) return;
    setMapping(autoMapHeaders(parsed.headers));
    setValues(emptyValueMap());
    setAppendUnmapped(false);
    setRemembered(false);
  };

  const mappedRows = useMemo(
    () => (parsed ? mapImportRows(parsed.headers, parsed.rows, mapping, { appendUnmapped }) : []),
    [parsed, mapping, appendUnmapped],
  );
  const toMatch = useMemo(() => valuesToMatch(mappedRows), [mappedRows]);
  const hasValuesToMatch = enumFields.some((field) => toMatch[field].length > 0);

  const mappedFields = new Set(Object.values(mapping).filter(Boolean));
  if (appendUnmapped) mappedFields.add('notes');
  const missingName = parsed !== null && !mappedFields.has('name');
  const preview = mappedRows.slice(0, 5);
  const previewColumns = (Object.keys(importFields) as ImportField[]).filter((field) =>
    mappedFields.has(field),
  );

  const rowCount = parsed
    ? `${formatCount(parsed.rows.length)} ${parsed.rows.length === 1 ? 'row' : 'rows'}`
    : '';

  const runImport = () => {
    if (!parsed) return;
    const chosen = effectiveValueMap(toMatch, values);
    const local = mappedRows.flatMap((row, index) => {
      const check = checkImportRow(row, chosen);
      return check.ok ? [] : [{ row: index + 2, message: check.message }];
    });
    if (local.length > 0) {
      setProblems({ problems: local, duplicates: [] });
      return;
    }
    startTransition(async () => {
      const result = await importClients({
        rows: mappedRows,
        values: chosen,
        skipDuplicates,
        remember: { headers: parsed.headers, columns: mapping, appendUnmapped },
      });
      if (!result.ok) {
        setError(result.error);
      } else if (result.data.status === 'invalid') {
        setProblems({ problems: result.data.problems, duplicates: result.data.duplicates });
      } else {
        setDone(result.data);
        toast.success(`${formatCount(result.data.imported)} clients imported.`);
      }
    });
  };

  if (done) {
    return (
      <Card>
        <p role="status" className="text-sm text-slate-800">
          Imported {formatCount(done.imported)} clients
          {done.skipped ? `, skipped ${formatCount(done.skipped)} duplicates` : ''}.
        </p>
        <Link href="/clients" className={buttonClasses('secondary', 'mt-4')}>
          Go to clients
        </Link>
      </Card>
    );
  }

  return (
    <div className="space-y-6">
      <Card title="1. Choose a CSV file">
        <label htmlFor={fileId} className="mb-2 block text-sm font-medium text-slate-800">
          CSV file
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => void onFile(event.target.files?.[0])}
          className="block text-sm"
        />
        <p className="mt-2 text-xs text-slate-600">
          UTF-8 CSV with a header row, up to 5 MB and {formatCount(importLimits.maxRows)} rows.
          Exports from HubSpot, Salesforce, Pipedrive and spreadsheets work; columns and their
          values are matched for you, and your choices are kept for the next file like it.
        </p>
        <div className="mt-3">
          <FormError message={error} />
        </div>
      </Card>

      {parsed ? (
        <Card
          title={`2. Match columns (${formatCount(parsed.rows.length)} rows in ${parsed.fileName})`}
          actions={
            remembered ? (
              <Button variant="secondary" onClick={startOver}>
                Match afresh
              </Button>
            ) : null
          }
        >
          {remembered ? (
            <p role="status" className="mb-4 text-sm text-slate-700">
              Columns and values are matched as in your last import of a file with these columns.
            </p>
          ) : null}
          <div className="grid gap-3 sm:grid-cols-2">
            {parsed.headers.map((header) => (
              <label key={header} className="flex items-center justify-between gap-3 text-sm">
                <span className="truncate font-medium">{header}</span>
                <select
                  aria-label={`Accord field for column ${header}`}
                  value={mapping[header] ?? ''}
                  onChange={(event) =>
                    setMapping({ ...mapping, [header]: event.target.value as ImportField | '' })
                  }
                  className="w-56 rounded-md border border-slate-300 bg-white px-2 py-1.5"
                >
                  <option value="">Don’t import</option>
                  {(Object.entries(importFields) as [ImportField, string][]).map(
                    ([field, label]) => (
                      <option
                        key={field}
                        value={field}
                        disabled={mapping[header] !== field && mappedFields.has(field)}
                      >
                        {label}
                      </option>
                    ),
                  )}
                </select>
              </label>
            ))}
          </div>
          <label className="mt-4 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={appendUnmapped}
              onChange={(event) => setAppendUnmapped(event.target.checked)}
            />
            Add the columns not imported to the notes, as “Column: value” lines
          </label>
          {missingName ? (
            <div className="mt-4">
              <FormError message="Match a column to “Client name”: every client needs one." />
            </div>
          ) : null}

          <h3 className="mt-6 mb-2 text-sm font-semibold text-slate-900">Preview</h3>
          <div className="overflow-x-auto rounded-md border border-slate-200">
            <table className="min-w-full text-sm" aria-label="Import preview">
              <thead className="bg-slate-50">
                <tr>
                  {previewColumns.map((field) => (
                    <th
                      key={field}
                      scope="col"
                      className="px-3 py-2 text-left font-semibold whitespace-nowrap"
                    >
                      {importFields[field]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.map((row, index) => (
                  <tr key={index} className="border-t border-slate-100">
                    {previewColumns.map((field) => (
                      <td key={field} className="px-3 py-1.5 whitespace-nowrap">
                        {row[field]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}

      {parsed && hasValuesToMatch ? (
        <Card title="3. Match values">
          <ImportValues toMatch={toMatch} values={values} onChange={setValues} />
        </Card>
      ) : null}

      {parsed ? (
        <Card title={hasValuesToMatch ? '4. Import' : '3. Import'}>
          <div className="space-y-4">
            <ProblemList title="Rows with problems" problems={problems?.problems ?? []} />
            <ProblemList title="Duplicates" problems={problems?.duplicates ?? []} />
            {problems ? (
              <p role="alert" className="text-sm text-red-800">
                Nothing was imported. Fix the rows above in the file and choose it again
                {problems.problems.length === 0 ? ', or skip the duplicates' : ''}.
              </p>
            ) : null}
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={skipDuplicates}
                onChange={(event) => setSkipDuplicates(event.target.checked)}
              />
              Skip rows that match an existing client (same name or website)
            </label>
            <Button
              onClick={runImport}
              disabled={missingName || isPending}
              aria-disabled={missingName || isPending}
            >
              {isPending ? `Importing ${rowCount}…` : `Import ${rowCount}`}
            </Button>
            {isPending ? (
              <div
                role="progressbar"
                aria-label="Importing"
                className="h-1.5 overflow-hidden rounded bg-slate-100"
              >
                <div className="h-full w-1/3 animate-pulse rounded bg-brand-600" />
              </div>
            ) : null}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
