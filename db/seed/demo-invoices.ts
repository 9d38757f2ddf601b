import 'server-only';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { creditNotes, invoiceCounters, invoiceLines, invoices, payments } from '@/db/schema';
import {
  addDays,
  computeInvoiceTotals,
  formatDocumentNumber,
  type InvoiceLineInput,
  type InvoiceStatus,
} from '@/lib/invoices';
import { defaultInvoiceSettings } from '@/lib/validation/invoices';

type Transaction = Parameters<
  Parameters<PostgresJsDatabase<Record<string, never>>['transaction']>[0]
>[0];

type DemoClient = { id: string; ownerId: string | null; currency?: string };

const mode = { rounding: 'line', pricesIncludeTax: false } as const;
const standard = { taxRateName: 'Standard', taxRateBasisPoints: 2000 };
const lineSets: (InvoiceLineInput & { description: string })[][] = [
  [
    {
      description: 'Campaign strategy',
      quantityMilli: 1000,
      unitPriceCents: 450_000,
      discountBasisPoints: 0,
      ...standard,
    },
    {
      description: 'Design hours',
      quantityMilli: 12_500,
      unitPriceCents: 9500,
      discountBasisPoints: 1000,
      ...standard,
    },
  ],
  [
    {
      description: 'Monthly retainer',
      quantityMilli: 1000,
      unitPriceCents: 300_000,
      discountBasisPoints: 0,
      ...standard,
    },
  ],
  [
    {
      description: 'Video production',
      quantityMilli: 2000,
      unitPriceCents: 180_000,
      discountBasisPoints: 0,
      ...standard,
    },
    {
      description: 'Printed one-pagers',
      quantityMilli: 500_000,
      unitPriceCents: 35,
      discountBasisPoints: 0,
      taxRateName: 'Reduced',
      taxRateBasisPoints: 500,
    },
  ],
];

/** One invoice a state, issued `ageDays` ago (drafts are not issued). */
const demoStates: {
  status: InvoiceStatus;
  ageDays: number;
  paidShare?: number;
  creditShare?: number;
}[] = [
  { status: 'draft', ageDays: 0 },
  { status: 'issued', ageDays: 5 },
  { status: 'partially_paid', ageDays: 12, paidShare: 0.4 },
  { status: 'paid', ageDays: 40, paidShare: 1 },
  { status: 'overdue', ageDays: 50 },
  { status: 'overdue', ageDays: 120, paidShare: 0.25 },
  { status: 'credited', ageDays: 20, creditShare: 1 },
  { status: 'void', ageDays: 25 },
];

/**
 * Demo invoices in every state on the accounts the demo executive owns (so the demo coordinator and
 * executive both see them), numbered gaplessly per year with the counters set to match.
 */
export async function seedDemoInvoices(
  tx: Transaction,
  demoClients: DemoClient[],
  team: { executiveId: string | null; coordinatorId: string | null },
) {
  const owned = demoClients.filter((client) => client.ownerId === team.executiveId);
  const pool = owned.length > 0 ? owned : demoClients;
  if (pool.length === 0) return;
  const today = new Date().toISOString().slice(0, 10);
  const lastByYear = new Map<number, number>();
  const issuedFirst = [...demoStates].sort((a, b) => b.ageDays - a.ageDays);
  const lastCreditByYear = new Map<number, number>();
  for (const [index, state] of issuedFirst.entries()) {
    const client = pool[index % pool.length]!;
    const lines = lineSets[index % lineSets.length]!;
    const totals = computeInvoiceTotals(lines, mode);
    const issued = state.status !== 'draft';
    const issueDate = addDays(today, -state.ageDays);
    const year = Number(issueDate.slice(0, 4));
    const sequence = issued ? (lastByYear.get(year) ?? 0) + 1 : null;
    if (sequence) lastByYear.set(year, sequence);
    const paidCents = Math.round(totals.totalCents * (state.paidShare ?? 0));
    const creditedCents = Math.round(totals.totalCents * (state.creditShare ?? 0));
    const [invoice] = await tx
      .insert(invoices)
      .values({
        clientId: client.id,
        currency: client.currency ?? 'USD',
        status: state.status,
        number: sequence
          ? formatDocumentNumber(defaultInvoiceSettings.invoicePrefix, year, sequence)
          : null,
        numberYear: sequence ? year : null,
        numberSequence: sequence,
        issueDate: issued ? issueDate : null,
        dueDate: issued ? addDays(issueDate, 30) : null,
        paymentTermsDays: 30,
        poNumber: index % 2 === 0 ? `PO-${4100 + index}` : null,
        taxRounding: mode.rounding,
        pricesIncludeTax: mode.pricesIncludeTax,
        subtotalCents: totals.subtotalCents,
        taxCents: totals.taxCents,
        totalCents: totals.totalCents,
        paidCents,
        creditedCents,
        balanceCents: state.status === 'void' ? 0 : totals.totalCents - paidCents - creditedCents,
        issuedAt: issued ? new Date(`${issueDate}T10:00:00Z`) : null,
        issuedById: issued ? team.executiveId : null,
        voidedAt: state.status === 'void' ? new Date(`${addDays(issueDate, 2)}T10:00:00Z`) : null,
        voidReason: state.status === 'void' ? 'Sent to the wrong billing contact' : null,
        createdById: team.coordinatorId,
      })
      .returning({ id: invoices.id });
    if (!invoice) throw new Error('demo invoice not created');
    await tx.insert(invoiceLines).values(
      lines.map((line, position) => ({
        ...line,
        invoiceId: invoice.id,
        position: position + 1,
        amountCents: totals.lineAmounts[position] ?? 0,
      })),
    );
    if (paidCents > 0) {
      await tx.insert(payments).values({
        invoiceId: invoice.id,
        paidOn: addDays(issueDate, 10),
        amountCents: paidCents,
        method: 'bank_transfer',
        reference: `TX-${1000 + index}`,
        recordedById: team.executiveId,
      });
    }
    if (creditedCents > 0) {
      const creditSequence = (lastCreditByYear.get(year) ?? 0) + 1;
      lastCreditByYear.set(year, creditSequence);
      await tx.insert(creditNotes).values({
        invoiceId: invoice.id,
        number: formatDocumentNumber(defaultInvoiceSettings.creditNotePrefix, year, creditSequence),
        numberYear: year,
        numberSequence: creditSequence,
        issueDate: addDays(issueDate, 3),
        amountCents: creditedCents,
        reason: 'The campaign was cancelled before launch',
        createdById: team.executiveId,
      });
    }
  }
  const counters = [
    ...[...lastByYear].map(([year, lastNumber]) => ({
      series: 'invoice' as const,
      year,
      lastNumber,
    })),
    ...[...lastCreditByYear].map(([year, lastNumber]) => ({
      series: 'credit_note' as const,
      year,
      lastNumber,
    })),
  ];
  if (counters.length > 0) await tx.insert(invoiceCounters).values(counters);
}
