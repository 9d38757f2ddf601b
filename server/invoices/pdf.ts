import 'server-only';
import { defaultLocale, formatDate, formatMoney } from '@/lib/format';
import { formatQuantity, formatRate, invoiceStatusLabels } from '@/lib/invoices';
import type { CurrentUser } from '@/server/auth/session';
import { db } from '@/db/client';
import { createPdfDocument, type PdfDocument } from '@/server/pdf/document';
import { pdfColors, writeRuns, type PdfRun } from '@/server/pdf/text';
import { getInvoicePage, type InvoicePage } from './queries';
import { readCompanyLogo } from './settings';

type Logo = Awaited<ReturnType<typeof readCompanyLogo>>;

// The client reads the PDF, so it keeps the house format rather than the downloader's.
const house = { locale: defaultLocale };

function rule(doc: PdfDocument, left: number, width: number, color = '#cbd5e1') {
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(0.5)
    .strokeColor(color)
    .stroke();
}

/** One table row: each cell written at its column's x, the row as tall as its tallest cell. */
function writeRow(
  doc: PdfDocument,
  cells: { runs: PdfRun[]; x: number; width: number; align?: 'left' | 'right' }[],
  size = 9.5,
) {
  const top = doc.y;
  let bottom = top;
  for (const cell of cells) {
    writeRuns(doc, cell.runs, { x: cell.x, y: top, width: cell.width, size, align: cell.align });
    bottom = Math.max(bottom, doc.y);
  }
  doc.y = bottom + 3;
}

function renderInvoice({ invoice, ...page }: InvoicePage, logo: Logo): Promise<Buffer> {
  const title = invoice.number ? `Invoice ${invoice.number}` : 'Draft invoice';
  const { doc, content } = createPdfDocument({
    size: 'A4',
    margin: 50,
    info: { Title: title, Author: page.company.name, Subject: `${title} for ${page.clientName}` },
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const money = (cents: number) => formatMoney(cents, invoice.currency, house.locale);

  const top = doc.y;
  if (logo) doc.image(logo.bytes, left + width - 120, top, { fit: [120, 50], align: 'right' });
  writeRuns(doc, [{ bold: true, color: '#2443b0', text: page.company.name }], {
    x: left,
    y: top,
    width: width - 130,
    size: 16,
  });
  for (const text of [
    page.company.address,
    page.company.taxId && `Tax id: ${page.company.taxId}`,
  ]) {
    if (text)
      writeRuns(doc, [{ color: pdfColors.muted, text }], { x: left, width: width - 130, size: 9 });
  }
  doc.y = Math.max(doc.y, top + 56);
  doc.moveDown(1);
  writeRuns(doc, [{ bold: true, text: title }], { x: left, width, size: 18 });
  if (invoice.status !== 'issued') {
    writeRuns(doc, [{ color: pdfColors.muted, text: invoiceStatusLabels[invoice.status] }], {
      x: left,
      width,
    });
  }
  doc.moveDown(0.6);
  const factsTop = doc.y;
  writeRuns(doc, [{ bold: true, color: pdfColors.muted, text: 'Bill to' }], {
    x: left,
    width: width / 2,
  });
  for (const text of [page.clientName, page.billingAddress, page.billingEmail]) {
    if (text) writeRuns(doc, [{ text }], { x: left, width: width / 2 - 10 });
  }
  const afterClient = doc.y;
  doc.y = factsTop;
  const facts: [string, string][] = [
    ['Issue date', formatDate(invoice.issueDate, house)],
    ['Due date', formatDate(invoice.dueDate, house)],
    ['Payment terms', `${invoice.paymentTermsDays} days`],
    ...(invoice.poNumber ? [['PO number', invoice.poNumber] as [string, string]] : []),
    ['Currency', invoice.currency],
  ];
  for (const [label, value] of facts) {
    writeRuns(doc, [{ bold: true, color: pdfColors.muted, text: `${label}: ` }, { text: value }], {
      x: left + width / 2,
      width: width / 2,
    });
  }
  doc.y = Math.max(doc.y, afterClient);
  doc.moveDown(1);

  const columns = {
    description: { x: left, width: width * 0.4 },
    quantity: { x: left + width * 0.4, width: width * 0.1 },
    price: { x: left + width * 0.5, width: width * 0.15 },
    discount: { x: left + width * 0.65, width: width * 0.1 },
    tax: { x: left + width * 0.75, width: width * 0.1 },
    amount: { x: left + width * 0.85, width: width * 0.15 },
  };
  const header = (text: string) => [{ bold: true, color: pdfColors.muted, text }];
  writeRow(doc, [
    { ...columns.description, runs: header('Description') },
    { ...columns.quantity, runs: header('Qty'), align: 'right' },
    { ...columns.price, runs: header('Unit price'), align: 'right' },
    { ...columns.discount, runs: header('Discount'), align: 'right' },
    { ...columns.tax, runs: header('Tax'), align: 'right' },
    {
      ...columns.amount,
      runs: header(invoice.pricesIncludeTax ? 'Amount (incl.)' : 'Amount'),
      align: 'right',
    },
  ]);
  rule(doc, left, width);
  doc.moveDown(0.3);
  for (const line of page.lines) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    writeRow(doc, [
      { ...columns.description, runs: [{ text: line.description }] },
      {
        ...columns.quantity,
        runs: [{ text: formatQuantity(line.quantityMilli, house.locale) }],
        align: 'right',
      },
      { ...columns.price, runs: [{ text: money(line.unitPriceCents) }], align: 'right' },
      {
        ...columns.discount,
        runs: [
          {
            text: line.discountBasisPoints
              ? formatRate(line.discountBasisPoints, house.locale)
              : '—',
          },
        ],
        align: 'right',
      },
      {
        ...columns.tax,
        runs: [{ text: formatRate(line.taxRateBasisPoints, house.locale) }],
        align: 'right',
      },
      { ...columns.amount, runs: [{ text: money(line.amountCents) }], align: 'right' },
    ]);
  }
  rule(doc, left, width);
  doc.moveDown(0.5);

  const labelColumn = { x: left + width * 0.45, width: width * 0.35 };
  const valueColumn = { x: left + width * 0.8, width: width * 0.2 };
  const totalRow = (label: string, value: string, bold = false) =>
    writeRow(doc, [
      { ...labelColumn, runs: [{ bold, text: label }], align: 'right' },
      { ...valueColumn, runs: [{ bold, text: value }], align: 'right' },
    ]);
  for (const row of page.taxSummary) {
    const rate = `${row.taxRateName} ${formatRate(row.taxRateBasisPoints, house.locale)}`;
    totalRow(`${rate} on ${money(row.netCents)}`, money(row.taxCents));
  }
  totalRow('Subtotal', money(invoice.subtotalCents));
  totalRow('Tax', money(invoice.taxCents));
  totalRow('Total', money(invoice.totalCents), true);
  if (invoice.paidCents > 0) totalRow('Paid', money(invoice.paidCents));
  if (invoice.creditedCents > 0) totalRow('Credited', money(invoice.creditedCents));
  if (invoice.status !== 'draft') totalRow('Balance due', money(invoice.balanceCents), true);
  doc.moveDown(1);
  const terms = `Payment within ${invoice.paymentTermsDays} days of the issue date${
    invoice.dueDate ? `, by ${formatDate(invoice.dueDate, house)}` : ''
  }.`;
  writeRuns(doc, [{ bold: true, text: 'Payment terms' }], { x: left, width });
  writeRuns(doc, [{ text: terms }], { x: left, width });
  if (page.company.bankDetails)
    writeRuns(doc, [{ text: page.company.bankDetails }], { x: left, width });
  if (invoice.notes) {
    doc.moveDown(0.6);
    writeRuns(doc, [{ text: invoice.notes }], { x: left, width });
  }
  doc.end();
  return content;
}

/** The invoice as a PDF for a viewer who may see it (getInvoicePage answers "not found" otherwise). */
export async function invoicePdf(viewer: CurrentUser, invoiceId: string) {
  const page = await getInvoicePage(viewer, invoiceId);
  const logo = await readCompanyLogo(db);
  return {
    content: await renderInvoice(page, logo),
    fileName: `${page.invoice.number ?? 'draft-invoice'}.pdf`,
  };
}
