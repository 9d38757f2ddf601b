import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { budgetEntries, campaigns, invoiceLines, invoices, type Campaign } from '@/db/schema';
import { budgetEntryKindLabels } from '@/lib/campaigns';
import { formatMoney } from '@/lib/format';
import {
  addBudgetEntrySchema,
  deleteBudgetEntrySchema,
  updateBudgetEntrySchema,
} from '@/lib/validation/campaigns';
import { defineAction, type ActionContext } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { findFiledDocument } from '@/server/documents/records';
import { conflict, notFound, staleRecord } from '@/server/errors';
import { lockCampaign, recordCampaignChange, settleCampaignBudget } from './records';
import { visibleCampaigns } from './visibility';

type EntryFields = {
  kind: 'committed' | 'spent';
  amount: number;
  entryDate: string;
  supplier?: string | null;
  note?: string | null;
  documentId?: string;
  invoiceLineId?: number;
};

/** Refuses a file not filed on this campaign, or an invoice line not billed to its client. */
async function assertEntryReferences(tx: Transaction, campaign: Campaign, input: EntryFields) {
  if (input.documentId) {
    if (!(await findFiledDocument(tx, 'campaign', campaign.id, input.documentId))) {
      throw conflict('Check the highlighted fields.', {
        documentId: ['Choose a file filed on this campaign.'],
      });
    }
  }
  if (input.invoiceLineId) {
    const [line] = await tx
      .select({ id: invoiceLines.id })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(
        and(eq(invoiceLines.id, input.invoiceLineId), eq(invoices.clientId, campaign.clientId)),
      );
    if (!line) {
      throw conflict('Check the highlighted fields.', {
        invoiceLineId: ["Choose a line of one of the client's invoices."],
      });
    }
  }
}

function entryValues(input: EntryFields) {
  return {
    kind: input.kind,
    amountCents: input.amount,
    entryDate: input.entryDate,
    supplier: input.supplier ?? null,
    note: input.note ?? null,
    documentId: input.documentId ?? null,
    invoiceLineId: input.invoiceLineId ?? null,
  };
}

/**
 * Locks the campaign of entry `entryId` (if the user sees it), then the entry, in that order like
 * every entry write, so concurrent writes to one campaign's sums queue up.
 */
async function lockEntry(tx: Transaction, user: CurrentUser, entryId: number, version: number) {
  const [row] = await tx
    .select({ campaignId: budgetEntries.campaignId })
    .from(budgetEntries)
    .innerJoin(campaigns, eq(campaigns.id, budgetEntries.campaignId))
    .where(and(eq(budgetEntries.id, entryId), await visibleCampaigns(user)));
  if (!row) throw notFound('budget entry');
  const campaign = await lockCampaign(tx, user, row.campaignId);
  const [entry] = await tx
    .select()
    .from(budgetEntries)
    .where(eq(budgetEntries.id, entryId))
    .for('update');
  if (!entry || entry.campaignId !== campaign.id) throw notFound('budget entry');
  if (entry.version !== version) throw staleRecord('budget entry');
  return { campaign, entry };
}

/** The entry's audit and timeline, then the campaign's sums and alerts, all in this transaction. */
async function finishEntryWrite(
  context: ActionContext,
  campaign: Campaign,
  action: string,
  entry: { id: number; kind: 'committed' | 'spent'; amountCents: number },
  before: Record<string, unknown> | undefined,
) {
  const settled = await settleCampaignBudget(context.tx, campaign, context.user.id);
  const amount = formatMoney(entry.amountCents, campaign.currency);
  await recordCampaignChange(
    context,
    campaign,
    {
      action: `budget_entry_${action}`,
      before,
      after: {
        entryId: entry.id,
        kind: entry.kind,
        amountCents: entry.amountCents,
        committedCents: settled.committedCents,
        spentCents: settled.spentCents,
      },
    },
    `Budget entry ${action} on ${campaign.name}: ${budgetEntryKindLabels[entry.kind].toLowerCase()} ${amount}`,
  );
  return {
    campaignId: campaign.id,
    committedCents: settled.committedCents,
    spentCents: settled.spentCents,
  };
}

export const addBudgetEntryCommand = defineAction({
  schema: addBudgetEntrySchema,
  permission: 'campaigns.write',
  async run(input, context) {
    const campaign = await lockCampaign(context.tx, context.user, input.campaignId);
    await assertEntryReferences(context.tx, campaign, input);
    const [entry] = await context.tx
      .insert(budgetEntries)
      .values({ campaignId: campaign.id, ...entryValues(input), createdById: context.user.id })
      .returning();
    if (!entry) throw new Error('budget entry not added');
    return finishEntryWrite(context, campaign, 'added', entry, undefined);
  },
});

export const updateBudgetEntryCommand = defineAction({
  schema: updateBudgetEntrySchema,
  permission: 'campaigns.write',
  async run(input, context) {
    const { campaign, entry } = await lockEntry(
      context.tx,
      context.user,
      input.entryId,
      input.version,
    );
    await assertEntryReferences(context.tx, campaign, input);
    const [updated] = await context.tx
      .update(budgetEntries)
      .set({ ...entryValues(input), version: sql`${budgetEntries.version} + 1` })
      .where(eq(budgetEntries.id, entry.id))
      .returning();
    if (!updated) throw notFound('budget entry');
    return finishEntryWrite(context, campaign, 'edited', updated, {
      kind: entry.kind,
      amountCents: entry.amountCents,
      version: entry.version,
    });
  },
});

export const deleteBudgetEntryCommand = defineAction({
  schema: deleteBudgetEntrySchema,
  permission: 'campaigns.write',
  async run(input, context) {
    const { campaign, entry } = await lockEntry(
      context.tx,
      context.user,
      input.entryId,
      input.version,
    );
    await context.tx.delete(budgetEntries).where(eq(budgetEntries.id, entry.id));
    return finishEntryWrite(context, campaign, 'deleted', entry, {
      kind: entry.kind,
      amountCents: entry.amountCents,
      version: entry.version,
    });
  },
});
