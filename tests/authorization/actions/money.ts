import {
  createContractCommand,
  renewContractCommand,
  sendContractCommand,
  signContractCommand,
  terminateContractCommand,
  updateContractCommand,
} from '@/server/contracts/commands';
import {
  deleteDocumentCommand,
  purgeDocumentCommand,
  recordUploadCommand,
} from '@/server/documents/commands';
import {
  createCreditNoteCommand,
  createInvoiceCommand,
  createInvoiceFromContractCommand,
  issueInvoiceCommand,
  recordPaymentCommand,
  updateInvoiceDraftCommand,
  voidInvoiceCommand,
} from '@/server/invoices/commands';
import type { Contract } from '@/db/schema';
import type { CurrentUser } from '@/server/auth/session';
import { createContractRecord } from '../../support/contract-factories';
import { pdfBytes } from '../../support/document-factories';
import { draftInvoice, invoiceLine } from '../../support/invoice-factories';
import { registerAction } from '../action-entry';
import {
  accountOwnedBy,
  anyRecord,
  fileOn,
  setUp,
  versionOf,
  type BuildFixture,
  type Fixture,
  type World,
} from '../world';

type OwnerOf = (actor: CurrentUser, world: World) => string;

/** The two sides of `accountOwner`: a record on the actor's account, or on a colleague's. */
function onEitherAccount(
  build: (ownerId: string, world: World) => Promise<Fixture>,
): Record<string, BuildFixture> {
  const side = (ownerOf: OwnerOf) => async (actor: CurrentUser, world: World) => {
    const ownerId = ownerOf(actor, world);
    return { ...(await build(ownerId, world)), record: { ownerId } };
  };
  return {
    'own account': side((actor) => actor.id),
    "a colleague's account": side((_actor, world) => world.otherCoordinator.id),
  };
}

async function contractOn(ownerId: string | null, overrides: Partial<Contract> = {}) {
  const client = await accountOwnedBy(ownerId);
  return createContractRecord(client.id, overrides);
}

const step = (row: { id: string; version: number }) => ({ id: row.id, version: versionOf(row) });

/** An issued invoice of 1,200.00 on an account owned by `ownerId`. */
async function issuedInvoice(ownerId: string, world: World) {
  const client = await accountOwnedBy(ownerId);
  const draft = await draftInvoice(world.otherManager, client.id, [invoiceLine()]);
  await setUp(issueInvoiceCommand, world.otherManager, step(draft));
  return { id: draft.id, version: String(draft.version + 1) };
}

export const moneyActions = {
  createContractCommand: registerAction(createContractCommand, {
    permission: 'contracts.write',
    fixtures: anyRecord(async (actor) => ({
      input: { clientId: (await accountOwnedBy(actor.id)).id },
    })),
  }),
  updateContractCommand: registerAction(updateContractCommand, {
    permission: 'contracts.write',
    fixtures: anyRecord(async (actor) => ({
      input: {
        ...step(await contractOn(actor.id)),
        title: 'Retainer 2026',
        value: '12,000',
        currency: 'USD',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        renewalTermMonths: '12',
        noticePeriodDays: '30',
        terms: 'Services.',
      },
    })),
  }),
  sendContractCommand: registerAction(sendContractCommand, {
    permission: 'contracts.write',
    fixtures: anyRecord(async (actor) => ({
      input: step(await contractOn(actor.id, { terms: 'Services.' })),
    })),
  }),
  signContractCommand: registerAction(signContractCommand, {
    permission: 'contracts.sign',
    condition: { permission: 'contracts.sign', rule: 'account owner' },
    fixtures: onEitherAccount(async (ownerId, world) => {
      const contract = await contractOn(ownerId, { status: 'sent' });
      const signedCopy = await fileOn(world.otherManager, 'contract', contract.id);
      return {
        input: {
          ...step(contract),
          signedDocumentId: signedCopy.id,
          signerName: 'Dana Client',
          signedOn: '2026-01-02',
        },
      };
    }),
  }),
  terminateContractCommand: registerAction(terminateContractCommand, {
    permission: 'contracts.sign',
    condition: { permission: 'contracts.sign', rule: 'account owner' },
    fixtures: onEitherAccount(async (ownerId) => ({
      input: { ...step(await contractOn(ownerId, { status: 'active' })), reason: 'Budget cut' },
    })),
  }),
  renewContractCommand: registerAction(renewContractCommand, {
    permission: 'contracts.sign',
    condition: { permission: 'contracts.sign', rule: 'account owner' },
    fixtures: onEitherAccount(async (ownerId) => ({
      input: { ...step(await contractOn(ownerId, { status: 'active' })), note: '' },
    })),
  }),
  createInvoiceCommand: registerAction(createInvoiceCommand, {
    permission: 'invoices.draft',
    fixtures: anyRecord(async (actor) => ({
      input: { clientId: (await accountOwnedBy(actor.id)).id },
    })),
  }),
  createInvoiceFromContractCommand: registerAction(createInvoiceFromContractCommand, {
    permission: 'invoices.draft',
    fixtures: anyRecord(async (actor) => ({
      input: { contractId: (await contractOn(actor.id, { status: 'signed' })).id },
    })),
  }),
  updateInvoiceDraftCommand: registerAction(updateInvoiceDraftCommand, {
    permission: 'invoices.draft',
    fixtures: anyRecord(async (actor, world) => {
      const client = await accountOwnedBy(actor.id);
      const draft = await draftInvoice(world.otherCoordinator, client.id);
      return {
        input: {
          ...step(draft),
          paymentTermsDays: '30',
          poNumber: '',
          notes: '',
          lines: JSON.stringify([invoiceLine({ quantity: '3' })]),
        },
      };
    }),
  }),
  issueInvoiceCommand: registerAction(issueInvoiceCommand, {
    permission: 'invoices.issue',
    condition: { permission: 'invoices.issue', rule: 'account owner' },
    fixtures: onEitherAccount(async (ownerId, world) => {
      const client = await accountOwnedBy(ownerId);
      return { input: step(await draftInvoice(world.otherCoordinator, client.id)) };
    }),
  }),
  voidInvoiceCommand: registerAction(voidInvoiceCommand, {
    permission: 'invoices.issue',
    condition: { permission: 'invoices.issue', rule: 'account owner' },
    fixtures: onEitherAccount(async (ownerId, world) => ({
      input: { ...(await issuedInvoice(ownerId, world)), reason: 'Sent twice' },
    })),
  }),
  createCreditNoteCommand: registerAction(createCreditNoteCommand, {
    permission: 'invoices.issue',
    condition: { permission: 'invoices.issue', rule: 'account owner' },
    fixtures: onEitherAccount(async (ownerId, world) => ({
      input: { ...(await issuedInvoice(ownerId, world)), amount: '100.00', reason: 'Discount' },
    })),
  }),
  recordPaymentCommand: registerAction(recordPaymentCommand, {
    permission: 'invoices.issue',
    condition: { permission: 'invoices.issue', rule: 'account owner' },
    fixtures: onEitherAccount(async (ownerId, world) => ({
      input: {
        ...(await issuedInvoice(ownerId, world)),
        paidOn: '2026-01-15',
        amount: '100.00',
        method: 'bank_transfer',
        reference: '',
      },
    })),
  }),
  recordUploadCommand: registerAction(recordUploadCommand, {
    permission: 'documents.upload',
    fixtures: anyRecord(async (actor) => ({
      input: {
        target: {
          recordKind: 'client',
          recordId: (await accountOwnedBy(actor.id)).id,
          replacesFileId: null,
        },
        stored: {
          name: 'brief.pdf',
          mediaType: 'application/pdf',
          sizeBytes: pdfBytes.length,
          sha256: 'a'.repeat(64),
          storageKey: crypto.randomUUID(),
        },
      },
    })),
  }),
  deleteDocumentCommand: registerAction(deleteDocumentCommand, {
    permission: 'documents.delete',
    condition: { permission: 'documents.delete', rule: 'uploader' },
    fixtures: {
      'own file': async (actor) => {
        const file = await fileOn(actor, 'client', (await accountOwnedBy(actor.id)).id);
        return { input: { fileId: file.fileId }, record: { uploaderId: actor.id } };
      },
      "a colleague's file": async (actor, world) => {
        const uploader = world.otherCoordinator;
        const file = await fileOn(uploader, 'client', (await accountOwnedBy(actor.id)).id);
        return { input: { fileId: file.fileId }, record: { uploaderId: uploader.id } };
      },
    },
  }),
  purgeDocumentCommand: registerAction(purgeDocumentCommand, {
    permission: 'documents.purge',
    fixtures: anyRecord(async (_actor, world) => {
      const uploader = world.otherCoordinator;
      const file = await fileOn(uploader, 'client', (await accountOwnedBy(uploader.id)).id);
      await setUp(deleteDocumentCommand, uploader, { fileId: file.fileId });
      return { input: { fileId: file.fileId } };
    }),
  }),
};
