import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { budgetEntries, campaigns } from '@/db/schema';
import { executeAction } from '@/server/action';
import type { CurrentUser } from '@/server/auth/session';
import { createCampaignCommand } from '@/server/campaigns/commands';
import { expectOk } from './factories';

/** The campaign form's fields, as strings, the way a browser sends them. */
export function campaignForm(clientId: string, overrides: Record<string, string> = {}) {
  return {
    clientId,
    name: 'Spring launch',
    goal: 'Fill the spring pipeline.',
    startDate: '2026-03-01',
    endDate: '2026-05-31',
    status: 'planned',
    currency: 'USD',
    budgetPlanned: '1,000.00',
    ...overrides,
  };
}

/** A campaign created through its action by `actor`, read back as its row. */
export async function createCampaignRecord(
  actor: CurrentUser,
  clientId: string,
  overrides: Record<string, string> = {},
) {
  const { id } = expectOk(
    await executeAction(createCampaignCommand, actor, campaignForm(clientId, overrides)),
  );
  return readCampaign(id);
}

export async function readCampaign(id: string) {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!campaign) throw new Error('campaign not found');
  return campaign;
}

export async function readBudgetEntries(campaignId: string) {
  return db.select().from(budgetEntries).where(eq(budgetEntries.campaignId, campaignId));
}

/** A budget entry's fields for `campaignId`, as the entry form posts them. */
export function entryForm(campaignId: string, overrides: Record<string, string> = {}) {
  return {
    campaignId,
    kind: 'committed',
    amount: '100.00',
    entryDate: '2026-03-10',
    supplier: 'Print Co',
    note: '',
    documentId: '',
    invoiceLineId: '',
    ...overrides,
  };
}
