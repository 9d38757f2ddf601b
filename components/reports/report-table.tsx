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
      <table className="w-full text-sm">
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
            <tr
              key={row.key}
              className={cn('border-b border-slate-100', row.total && 'font-semibold')}
            >
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
                  <Cell
                    key={column.key}
                    scope={index === 0 ? 'row' : undefined}
                    className={cn(
                      'px-2 py-2 whitespace-nowrap',
                      index === 0 ? 'text-left font-medium' : 'text-right tabular-nums',
                    )}
                  >
                    {href ? (
                      <Link
                        href={href}
                        className="text-brand-700 underline-offset-2 hover:underline"
                      >
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
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
