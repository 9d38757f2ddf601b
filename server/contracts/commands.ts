import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { clients, contractRenewals, contracts, proposals, type Contract } from '@/db/schema';
import {
  addMonths,
  contractStatusLabels,
  isContractEditable,
  nextContractStatus,
  type ContractTransition,
} from '@/lib/contracts';
import { renderMergeFields, unfilledMergeFields } from '@/lib/merge-fields';
import { truncate } from '@/lib/utils';
import {
  contractStepSchema,
  createContractSchema,
  renewContractSchema,
  signContractSchema,
  terminateContractSchema,
  updateContractSchema,
} from '@/lib/validation/contracts';
import { createDealSchema } from '@/lib/validation/deals';
import { defineAction, type ActionContext } from '@/server/action';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { lockVisibleClient, recordActivity } from '@/server/clients/records';
import { createDealCommand } from '@/server/deals/commands';
import { conflict, forbidden, notFound, staleRecord } from '@/server/errors';
import { findFiledDocument } from '@/server/documents/records';
import { currentMergeValues } from '@/server/proposals/merge-values';
import { visibleProposals } from '@/server/proposals/visibility';
import { visibleContracts } from './visibility';

/** Locks a contract the user may see, with its account owner; refuses a form that read an older version. */
async function lockContract(tx: Transaction, user: CurrentUser, id: string, version?: number) {
  const [row] = await tx
    .select({ contract: contracts, ownerId: clients.ownerId })
    .from(contracts)
    .innerJoin(clients, eq(clients.id, contracts.clientId))
    .where(and(eq(contracts.id, id), await visibleContracts(user)))
    .for('update', { of: contracts })
    .limit(1);
  if (!row) throw notFound('contract');
  if (version !== undefined && row.contract.version !== version) throw staleRecord('contract');
  return row;
}

/** The status `transition` leads to from the contract's status, or a clear refusal. */
function statusAfter(contract: Contract, transition: ContractTransition) {
  const next = nextContractStatus(contract.status, transition);
  if (!next) {
    throw conflict(
      `A contract that is ${contractStatusLabels[contract.status].toLowerCase()} cannot be changed that way.`,
    );
  }
  return next;
}

/**
 * Locks a contract for a step only the account owner or a manager takes (sign, terminate, renew)
 * and gives the status the step leads to.
 */
async function lockForOwnerStep(
  { tx, user }: ActionContext,
  input: { id: string; version: number },
  transition: ContractTransition,
) {
  const { contract, ownerId } = await lockContract(tx, user, input.id, input.version);
  if (!can(user, 'contracts.sign', { ownerId })) {
    throw forbidden('Only the account owner or a manager may do that.');
  }
  return { contract, status: statusAfter(contract, transition) };
}

/** Writes a contract change with its audit entry and timeline line; returns the updated row. */
async function writeContract(
  { tx, user, audit }: ActionContext,
  contract: Contract,
  action: string,
  change: Partial<Contract>,
  subject: string,
) {
  const [updated] = await tx
    .update(contracts)
    .set({ ...change, version: sql`${contracts.version} + 1` })
    .where(eq(contracts.id, contract.id))
    .returning();
  if (!updated) throw notFound('contract');
  await audit({
    action: `contract.${action}`,
    entityType: 'contract',
    entityId: contract.id,
    before: { status: contract.status, version: contract.version },
    after: { status: updated.status, ...change },
  });
  await recordActivity(tx, {
    clientId: contract.clientId,
    kind: 'contract',
    subject: truncate(subject, 200),
    actorId: user.id,
  });
  return updated;
}

export const createContractCommand = defineAction({
  schema: createContractSchema,
  permission: 'contracts.write',
  async run(input, { tx, user, audit }) {
    let prefill: Partial<typeof contracts.$inferInsert> = {};
    let clientId = input.clientId;
    if (input.proposalId) {
      const [proposal] = await tx
        .select()
        .from(proposals)
        .where(and(eq(proposals.id, input.proposalId), await visibleProposals(user)));
      if (!proposal) throw notFound('proposal');
      if (proposal.status !== 'accepted') {
        throw conflict('Only an accepted proposal becomes a contract.');
      }
      clientId = proposal.clientId;
      prefill = {
        proposalId: proposal.id,
        title: proposal.title,
        valueCents: proposal.amountCents,
        currency: proposal.currency,
        terms: proposal.body,
      };
    }
    const client = await lockVisibleClient(tx, user, clientId!);
    const values = {
      clientId: client.id,
      title: `Contract with ${client.name}`,
      currency: client.currency,
      ...prefill,
      createdById: user.id,
    };
    const [created] = await tx.insert(contracts).values(values).returning();
    if (!created) throw new Error('contract not created');
    await audit({
      action: 'contract.created',
      entityType: 'contract',
      entityId: created.id,
      after: { clientId: client.id, proposalId: values.proposalId ?? null, title: values.title },
    });
    await recordActivity(tx, {
      clientId: client.id,
      kind: 'contract',
      subject: truncate(`Contract drafted: ${values.title}`, 200),
      actorId: user.id,
    });
    return { id: created.id };
  },
});

export const updateContractCommand = defineAction({
  schema: updateContractSchema,
  permission: 'contracts.write',
  async run(input, context) {
    const { contract } = await lockContract(context.tx, context.user, input.id, input.version);
    if (!isContractEditable(contract.status)) {
      throw conflict('Only a draft contract is edited; what was sent is what gets signed.');
    }
    const updated = await writeContract(
      context,
      contract,
      'updated',
      {
        title: input.title,
        valueCents: input.value,
        currency: input.currency,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        autoRenew: input.autoRenew,
        renewalTermMonths: input.renewalTermMonths,
        noticePeriodDays: input.noticePeriodDays,
        terms: input.terms,
      },
      `Contract edited: ${input.title}`,
    );
    return { id: updated.id, version: updated.version };
  },
});

export const sendContractCommand = defineAction({
  schema: contractStepSchema,
  permission: 'contracts.write',
  async run(input, context) {
    const { contract } = await lockContract(context.tx, context.user, input.id, input.version);
    const status = statusAfter(contract, 'send');
    if (!contract.startDate || !contract.endDate) {
      throw conflict('Set the start and end dates before sending the contract.');
    }
    const terms = renderMergeFields(
      contract.terms,
      await currentMergeValues(
        context.tx,
        { clientId: contract.clientId, dealId: null, authorId: contract.createdById },
        context.user,
      ),
    );
    const unfilled = unfilledMergeFields(terms);
    if (unfilled.length > 0) {
      throw conflict(`Fill in ${unfilled.map((name) => `{{${name}}}`).join(', ')} before sending.`);
    }
    const updated = await writeContract(
      context,
      contract,
      'send',
      { status, terms, sentAt: new Date() },
      `Contract sent: ${contract.title}`,
    );
    return { id: updated.id, status: updated.status };
  },
});

export const signContractCommand = defineAction({
  schema: signContractSchema,
  permission: 'contracts.sign',
  async run(input, context) {
    const { contract, status } = await lockForOwnerStep(context, input, 'sign');
    const signedCopy = await findFiledDocument(
      context.tx,
      'contract',
      contract.id,
      input.signedDocumentId,
    );
    if (!signedCopy) {
      throw conflict('File the signed copy on this contract first.', {
        signedDocumentId: ['Choose a file filed on this contract.'],
      });
    }
    const updated = await writeContract(
      context,
      contract,
      'sign',
      {
        status,
        signedDocumentId: signedCopy.id,
        signerName: input.signerName,
        signedOn: input.signedOn,
        signedById: context.user.id,
      },
      `Contract signed by ${input.signerName}: ${contract.title}`,
    );
    return { id: updated.id, status: updated.status };
  },
});

export const terminateContractCommand = defineAction({
  schema: terminateContractSchema,
  permission: 'contracts.sign',
  async run(input, context) {
    const { contract, status } = await lockForOwnerStep(context, input, 'terminate');
    const updated = await writeContract(
      context,
      contract,
      'terminate',
      { status, terminatedAt: new Date(), terminationReason: input.reason },
      `Contract terminated: ${contract.title}`,
    );
    return { id: updated.id, status: updated.status };
  },
});

/**
 * Extends a contract's term by its renewal term, in place, keeping a renewal record. `renewedBy`
 * is null when the daily job renews an auto-renewing contract.
 */
export async function extendTerm(
  tx: Transaction,
  contract: Contract,
  renewedById: string | null,
  dealId: string | null = null,
) {
  if (!contract.endDate) throw conflict('Set an end date before renewing the contract.');
  const newEndDate = addMonths(contract.endDate, contract.renewalTermMonths);
  await tx.insert(contractRenewals).values({
    contractId: contract.id,
    previousEndDate: contract.endDate,
    newEndDate,
    renewedById,
    dealId,
  });
  return newEndDate;
}

export const renewContractCommand = defineAction({
  schema: renewContractSchema,
  permission: 'contracts.sign',
  async run(input, context) {
    const { contract, status } = await lockForOwnerStep(context, input, 'renew');
    let dealId: string | null = null;
    if (input.openDeal) {
      const deal = await createDealCommand.run(
        createDealSchema.parse({
          clientId: contract.clientId,
          name: truncate(`Renewal: ${contract.title}`, 200),
          stage: 'qualified',
          amount: (contract.valueCents / 100).toFixed(2),
          currency: contract.currency,
          expectedClose: contract.endDate ?? '',
        }),
        context,
      );
      dealId = deal.id;
    }
    const endDate = await extendTerm(context.tx, contract, context.user.id, dealId);
    const updated = await writeContract(
      context,
      contract,
      'renew',
      { status, endDate },
      `Contract renewed to ${endDate}: ${contract.title}`,
    );
    return { id: updated.id, endDate, dealId };
  },
});
