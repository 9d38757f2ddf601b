import 'server-only';
import { csvRow } from '@/lib/csv';
import { formatDateTime } from '@/lib/format';
import {
  chartRows,
  csvReportCell,
  formatReportCell,
  reportCatalog,
  reportScopeLabels,
  type ReportFormat,
  type ReportKey,
  type ReportResult,
} from '@/lib/report-catalog';
import type { ReportParams } from '@/lib/validation/reports';
import type { CurrentUser } from '@/server/auth/session';
import { createPdfDocument, type PdfDocument } from '@/server/pdf/document';
import { pdfColors, writeRuns } from '@/server/pdf/text';
import type { ReportContext } from './context';
import { runReport } from './registry';

/** A rendered report, ready to download or to file as a document. */
export type RenderedReport = { name: string; mediaType: string; bytes: Uint8Array };

/** The period and scope a report covers, as one line for its header. */
function periodLine(context: ReportContext) {
  return `${context.range.from} to ${context.range.to} · ${reportScopeLabels[context.scope].split(':')[0]}`;
}

/** The report as CSV: a line per table row, numbers unformatted so spreadsheets can add them. */
export function reportCsv(result: ReportResult): Uint8Array {
  let text = `\uFEFF${csvRow(result.columns.map((column) => column.label))}`;
  for (const row of result.rows) {
    text += csvRow(
      result.columns.map((column) => csvReportCell(row.cells[column.key] ?? null, column.kind)),
    );
  }
  return new TextEncoder().encode(text);
}

const barColors = ['#2f54d4', '#64748b', '#0f766e', '#b45309', '#be123c'];

/** The chart as vector bars: one group per row, one bar per drawn column, a legend below. */
function drawChart(doc: PdfDocument, result: ReportResult, left: number, width: number) {
  const rows = chartRows(result.rows, result.chart.currency);
  const values = rows.flatMap((row) =>
    result.chart.barColumns.map((key) => Number(row.cells[key] ?? 0)),
  );
  const max = Math.max(0, ...values);
  const height = 160;
  const top = doc.y;
  const baseline = top + height;
  doc
    .moveTo(left, baseline)
    .lineTo(left + width, baseline)
    .lineWidth(0.5)
    .strokeColor('#94a3b8')
    .stroke();
  if (rows.length > 0 && max > 0) {
    const groupWidth = width / rows.length;
    const barWidth = Math.max(1, (groupWidth * 0.8) / result.chart.barColumns.length);
    rows.forEach((row, rowIndex) => {
      result.chart.barColumns.forEach((key, barIndex) => {
        const barHeight = (Number(row.cells[key] ?? 0) / max) * (height - 10);
        const x = left + rowIndex * groupWidth + groupWidth * 0.1 + barIndex * barWidth;
        doc
          .rect(x, baseline - barHeight, barWidth, barHeight)
          .fill(barColors[barIndex % barColors.length]!);
      });
      writeRuns(
        doc,
        [{ color: pdfColors.muted, text: String(row.cells[result.chart.labelColumn] ?? '') }],
        {
          x: left + rowIndex * groupWidth,
          y: baseline + 3,
          width: groupWidth,
          size: 7,
          align: 'center',
        },
      );
    });
  }
  doc.y = baseline + 18;
  const legend = result.chart.barColumns.map((key, index) => {
    const label = result.columns.find((column) => column.key === key)?.label ?? key;
    return { label, color: barColors[index % barColors.length]! };
  });
  let x = left;
  const y = doc.y;
  for (const item of legend) {
    doc.rect(x, y + 2, 8, 8).fill(item.color);
    writeRuns(doc, [{ text: item.label }], { x: x + 12, y, width: 150, size: 8, lineBreak: false });
    x += 24 + doc.widthOfString(item.label);
  }
  doc.y = y + 16;
  if (result.chart.currency) {
    writeRuns(
      doc,
      [
        {
          color: pdfColors.muted,
          text: `Chart in ${result.chart.currency}; the table lists every currency.`,
        },
      ],
      {
        x: left,
        width,
        size: 8,
      },
    );
  }
}

/** The table, a row a line, the first column left and the numbers right-aligned. */
function drawTable(
  doc: PdfDocument,
  result: ReportResult,
  left: number,
  width: number,
  locale: string,
) {
  const first = width * 0.22;
  const rest = (width - first) / Math.max(1, result.columns.length - 1);
  const columnX = (index: number) => (index === 0 ? left : left + first + (index - 1) * rest);
  const columnWidth = (index: number) => (index === 0 ? first : rest);
  const line = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 24) doc.addPage();
    const y = doc.y;
    let bottom = y;
    cells.forEach((text, index) => {
      writeRuns(doc, [{ bold, text }], {
        x: columnX(index),
        y,
        width: columnWidth(index) - 4,
        size: 8,
        align: index === 0 ? 'left' : 'right',
      });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 2;
    doc
      .moveTo(left, doc.y)
      .lineTo(left + width, doc.y)
      .lineWidth(0.3)
      .strokeColor('#e2e8f0')
      .stroke();
    doc.y += 3;
  };
  line(
    result.columns.map((column) => column.label),
    true,
  );
  for (const row of result.rows) {
    line(
      result.columns.map((column) =>
        formatReportCell(row.cells[column.key] ?? null, column.kind, row.currency, locale),
      ),
      Boolean(row.total),
    );
  }
}

/** The report as a PDF: title, period and scope, the chart drawn as vector bars, then the table. */
export function reportPdf(
  report: ReportKey,
  context: ReportContext,
  result: ReportResult,
): Promise<Buffer> {
  const title = reportCatalog[report].title;
  const { doc, content } = createPdfDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin: 40,
    info: { Title: title, Subject: periodLine(context) },
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  writeRuns(doc, [{ bold: true, text: title }], { x: left, width, size: 16 });
  writeRuns(
    doc,
    [
      {
        color: pdfColors.muted,
        text: `${periodLine(context)} · run ${formatDateTime(context.now, context.viewer)}`,
      },
    ],
    { x: left, width, size: 9 },
  );
  doc.moveDown(1);
  drawChart(doc, result, left, width);
  doc.moveDown(1);
  drawTable(doc, result, left, width, context.viewer.locale);
  for (const note of result.notes) {
    doc.moveDown(0.5);
    writeRuns(doc, [{ color: pdfColors.muted, text: note }], { x: left, width, size: 8 });
  }
  doc.end();
  return content;
}

/** Runs a report for the viewer and renders it as CSV or PDF, named after the report and period. */
export async function renderReport(
  viewer: CurrentUser,
  report: ReportKey,
  params: ReportParams,
  format: ReportFormat,
  now: Date = new Date(),
): Promise<RenderedReport & { context: ReportContext }> {
  const { context, result } = await runReport(viewer, report, params, now, format);
  const name = `${report}-${context.range.from}-to-${context.range.to}.${format}`;
  if (format === 'csv') {
    return { context, name, mediaType: 'text/csv; charset=utf-8', bytes: reportCsv(result) };
  }
  return {
    context,
    name,
    mediaType: 'application/pdf',
    bytes: new Uint8Array(await reportPdf(report, context, result)),
  };
}
