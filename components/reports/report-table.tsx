import Link from 'next/link';
import { formatReportCell, type ReportResult } from '@/lib/report-catalog';
import { cn } from '@/lib/utils';

/** A report's figures, the source of truth beside its chart; a linked cell opens the list behind it. */
export function ReportTable({
  result,
  caption,
  locale,
}: {
  result: ReportResult;
  caption: string;
  locale: string;
}) {
  if (result.rows.length === 0) {
    return <p className="text-sm text-slate-600">Nothing in this period for these filters.</p>;
  }
  return (
    <div className="overflow-x-auto">
      {/* Cell and link styles are set once on the table: a class per cell repeated them in the page
          and again in its server payload, most of a hundred-row report's bytes. */}
      <table className="w-full text-sm [&_a]:text-brand-700 [&_a]:underline-offset-2 [&_a:hover]:underline [&_tbody_:is(th,td)]:px-2 [&_tbody_:is(th,td)]:py-2 [&_tbody_:is(th,td)]:whitespace-nowrap [&_tbody_td]:text-right [&_tbody_td]:tabular-nums [&_tbody_th]:text-left [&_tbody_th]:font-medium [&_tbody_tr]:border-b [&_tbody_tr]:border-slate-100">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-600 uppercase">
            {result.columns.map((column, index) => (
              <th
                key={column.key}
                scope="col"
                className={cn('px-2 py-2 font-medium whitespace-nowrap', index > 0 && 'text-right')}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => (
            <tr key={row.key} className={row.total ? 'font-semibold' : undefined}>
              {result.columns.map((column, index) => {
                const text = formatReportCell(
                  row.cells[column.key] ?? null,
                  column.kind,
                  row.currency,
                  locale,
                );
                const href = row.links[column.key];
                const Cell = index === 0 ? 'th' : 'td';
                return (
                  <Cell key={column.key} scope={index === 0 ? 'row' : undefined}>
                    {href ? <Link href={href}>{text}</Link> : text}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
