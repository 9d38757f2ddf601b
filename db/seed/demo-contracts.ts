import 'server-only';
import { eq } from 'drizzle-orm';
import { contracts } from '@/db/schema';
import { addDays, addMonths, type ContractStatus } from '@/lib/contracts';
import { renderRecordPdf } from '@/server/pdf/record-document';
import { fileDemoDocument, type SeedTransaction as Transaction } from './demo-files';

type DemoClient = {
  id: string;
  name: string;
  status: string;
  ownerId: string | null;
  coordinatorId: string | null;
};

const terms = `## Services\n\nThe agency delivers the campaign work set out in the accepted proposal for {{client.name}}.\n\n## Fees\n\nInvoiced monthly, payable within 30 days.\n\n## Notice\n\nEither party may end the contract by giving notice before the notice deadline.`;

/**
 * Contracts in every state on the demo team's accounts (one with its notice deadline this month),
 * each signed one with its signed copy filed, so the whole path is there to look at.
 */
export async function seedDemoContracts(
  tx: Transaction,
  demoClients: DemoClient[],
  people: { coordinatorId: string | null; executiveId: string | null },
  now = new Date(),
) {
  const today = now.toISOString().slice(0, 10);
  const plan: { status: ContractStatus; start: string; months: number; autoRenew?: boolean }[] = [
    { status: 'draft', start: addDays(today, 30), months: 12 },
    { status: 'sent', start: addDays(today, 14), months: 12 },
    { status: 'signed', start: addDays(today, 10), months: 6 },
    // Ends in 40 days with 30 days' notice: the notice deadline falls within this month or next.
    { status: 'active', start: addMonths(addDays(today, 40), -12), months: 12 },
    { status: 'active', start: addMonths(today, -3), months: 12, autoRenew: true },
    { status: 'expired', start: addMonths(today, -14), months: 12 },
    { status: 'terminated', start: addMonths(today, -6), months: 12 },
  ];
  // The demo executive's and coordinator's own accounts first, so both see every contract.
  const open = demoClients
    .filter((client) => client.status !== 'churned')
    .sort(
      (a, b) =>
        Number(b.ownerId === people.executiveId && b.coordinatorId === people.coordinatorId) -
        Number(a.ownerId === people.executiveId && a.coordinatorId === people.coordinatorId),
    );
  for (const [index, step] of plan.entries()) {
    const client = open[index % open.length];
    if (!client) return;
    const signed = ['signed', 'active', 'expired', 'terminated'].includes(step.status);
    const [contract] = await tx
      .insert(contracts)
      .values({
        clientId: client.id,
        title: `${client.name} services agreement`,
        valueCents: (24 + index * 6) * 100_000,
        startDate: step.start,
        endDate: addDays(addMonths(step.start, step.months), -1),
        autoRenew: step.autoRenew ?? false,
        noticePeriodDays: 30,
        terms: step.status === 'draft' ? terms : terms.replace('{{client.name}}', client.name),
        status: step.status,
        createdById: people.coordinatorId,
        sentAt: step.status === 'draft' ? null : now,
        signerName: signed ? 'Jordan Client' : null,
        signedOn: signed ? addDays(step.start, -7) : null,
        signedById: signed ? people.executiveId : null,
        terminatedAt: step.status === 'terminated' ? now : null,
        terminationReason:
          step.status === 'terminated' ? 'The client moved the work in-house.' : null,
      })
      .returning({ id: contracts.id, clientId: contracts.clientId, title: contracts.title });
    if (!contract || !signed) continue;
    const copy = await renderRecordPdf({
      companyName: 'Northwind Agency',
      kicker: `Signed by Jordan Client for ${client.name}`,
      title: contract.title,
      facts: [['Signed on', addDays(step.start, -7)]],
      body: terms.replace('{{client.name}}', client.name),
    });
    const record = { kind: 'contract' as const, id: contract.id, clientId: contract.clientId };
    const signedDocumentId = await fileDemoDocument(
      tx,
      record,
      { name: `${contract.title} (signed).pdf`, mediaType: 'application/pdf', bytes: copy },
      people.coordinatorId,
    );
    await tx.update(contracts).set({ signedDocumentId }).where(eq(contracts.id, contract.id));
    if (index === 3) {
      await fileDemoDocument(
        tx,
        record,
        {
          name: 'Kick-off notes.txt',
          mediaType: 'text/plain',
          bytes: Buffer.from('Kick-off held; reporting every first Monday.\n'),
        },
        people.executiveId,
      );
    }
  }
}
