import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { contracts, invoiceLines, invoices } from '@/db/schema';
import type { Role } from '@/lib/roles';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { documentResponse } from '@/server/documents/download';
import { createInvoiceFromContractCommand } from '@/server/invoices/commands';
import { getInvoicePage } from '@/server/invoices/queries';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { createContractRecord } from '../support/contract-factories';
import { pdfBytes, upload, uploaded } from '../support/document-factories';
import { auditEntriesFor, createActor, expectOk } from '../support/factories';
import { draftInvoice, readInvoice } from '../support/invoice-factories';

let coordinator: CurrentUser;
let owner: CurrentUser;
let manager: CurrentUser;
let outsider: CurrentUser;
let clientId: string;

beforeEach(async () => {
  [coordinator, owner, manager, outsider] = await Promise.all([
    createActor('coordinator'),
    createActor('executive'),
    createActor('manager'),
    createActor('coordinator'),
  ]);
  clientId = (
    await createClientRecord({ ownerId: owner.id, coordinatorId: coordinator.id, currency: 'EUR' })
  ).id;
  await setVisibility('open');
});

/** The invoices of this test's client. */
async function invoiceCount() {
  const [row] = await db
    .select({ value: count() })
    .from(invoices)
    .where(eq(invoices.clientId, clientId));
  return row?.value ?? 0;
}

describe('files on invoices', () => {
  it('downloads for a user who sees the client and not for one who does not under assigned', async () => {
    const invoice = await draftInvoice(coordinator, clientId);
    const file = uploaded(
      await upload(
        coordinator,
        { recordKind: 'invoice', recordId: invoice.id },
        'po.pdf',
        pdfBytes,
      ),
    );
    await setVisibility('assigned');
    const served = await documentResponse(coordinator, file.id, false);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(pdfBytes)).toBe(true);
    expect((await documentResponse(manager, file.id, false)).status).toBe(200);
    expect((await documentResponse(outsider, file.id, false)).status).toBe(404);
  });

  it('refuses an upload on an invoice the uploader does not see', async () => {
    const invoice = await draftInvoice(coordinator, clientId);
    await setVisibility('assigned');
    const answer = await upload(
      outsider,
      { recordKind: 'invoice', recordId: invoice.id },
      'po.pdf',
      pdfBytes,
    );
    expect(answer.status).toBe(404);
  });
});

describe('invoice from a contract', () => {
  it.each<Role>(['coordinator', 'executive', 'manager'])(
    'lets a %s draft a linked invoice with one line prefilled from an active contract',
    async (role) => {
      const actor = { coordinator, executive: owner, manager }[role];
      const contract = await createContractRecord(clientId, {
        status: 'active',
        title: 'Retainer 2026',
        valueCents: 1_234_500,
        currency: 'GBP',
      });
      const { id } = expectOk(
        await executeAction(createInvoiceFromContractCommand, actor, { contractId: contract.id }),
      );
      const invoice = await readInvoice(id);
      expect(invoice).toMatchObject({
        clientId,
        contractId: contract.id,
        currency: 'GBP',
        status: 'draft',
        createdById: actor.id,
        // The default Standard rate is 20 % on top of the contract's value.
        subtotalCents: 1_234_500,
        taxCents: 246_900,
        totalCents: 1_481_400,
        balanceCents: 1_481_400,
      });
      const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, id));
      expect(lines).toEqual([
        expect.objectContaining({
          position: 1,
          description: 'Retainer 2026',
          quantityMilli: 1000,
          unitPriceCents: 1_234_500,
          discountBasisPoints: 0,
          taxRateName: 'Standard',
          amountCents: 1_234_500,
        }),
      ]);
      expect((await auditEntriesFor(id)).map((entry) => entry.action)).toEqual(['invoice.created']);
      const page = await getInvoicePage(actor, id);
      expect(page.contractTitle).toBe('Retainer 2026');
    },
  );

  it('drafts from a signed contract too', async () => {
    const contract = await createContractRecord(clientId, { status: 'signed' });
    const { id } = expectOk(
      await executeAction(createInvoiceFromContractCommand, coordinator, {
        contractId: contract.id,
      }),
    );
    expect((await readInvoice(id)).contractId).toBe(contract.id);
  });

  it.each(['draft', 'sent', 'expired', 'terminated'] as const)(
    'refuses a %s contract and drafts nothing',
    async (status) => {
      const contract = await createContractRecord(clientId, { status });
      const result = await executeAction(createInvoiceFromContractCommand, manager, {
        contractId: contract.id,
      });
      expect(result).toMatchObject({ ok: false, code: 'conflict' });
      expect(await invoiceCount()).toBe(0);
    },
  );

  it('answers not found for a contract hidden under assigned visibility, and serves its coordinator', async () => {
    const contract = await createContractRecord(clientId, { status: 'active' });
    await setVisibility('assigned');
    expect(
      await executeAction(createInvoiceFromContractCommand, outsider, { contractId: contract.id }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(await invoiceCount()).toBe(0);
    expectOk(
      await executeAction(createInvoiceFromContractCommand, coordinator, {
        contractId: contract.id,
      }),
    );
  });

  it('refuses input that is not a contract id with a message', async () => {
    const result = await executeAction(createInvoiceFromContractCommand, coordinator, {
      contractId: 'not-an-id',
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { contractId: ['This contract does not exist.'] },
    });
    expect(await invoiceCount()).toBe(0);
  });

  it('keeps the invoice when its contract is deleted, unlinked', async () => {
    const contract = await createContractRecord(clientId, { status: 'active' });
    const { id } = expectOk(
      await executeAction(createInvoiceFromContractCommand, owner, { contractId: contract.id }),
    );
    await db.delete(contracts).where(eq(contracts.id, contract.id));
    expect((await readInvoice(id)).contractId).toBeNull();
  });
});
