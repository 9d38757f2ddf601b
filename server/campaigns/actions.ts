'use server';

import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/action-result';
import { formDataToObject } from '@/lib/form-data';
import { performAction, toFormAction } from '@/server/action';
import { bulkReassignCampaignCoordinatorCommand, bulkSetCampaignStatusCommand } from './bulk';
import { createCampaignCommand, updateCampaignCommand } from './commands';
import {
  addBudgetEntryCommand,
  deleteBudgetEntryCommand,
  updateBudgetEntryCommand,
} from './entries';
import {
  linkCampaignDealCommand,
  linkCampaignMeetingCommand,
  unlinkCampaignDealCommand,
  unlinkCampaignMeetingCommand,
} from './links';

const campaignPages = ['/campaigns', '/campaigns/[id]', '/clients/[id]'];
const linkPages = [...campaignPages, '/deals/[id]', '/meetings/[id]'];

/** Creates the campaign and opens it. */
export async function createCampaign(
  _previous: ActionResult<{ id: string }> | null,
  formData: FormData,
) {
  const result = await performAction(
    createCampaignCommand,
    formDataToObject(formData),
    campaignPages,
  );
  if (result.ok) redirect(`/campaigns/${result.data.id}`);
  return result;
}

export const updateCampaign = toFormAction(updateCampaignCommand, campaignPages);
export const addBudgetEntry = toFormAction(addBudgetEntryCommand, campaignPages);
export const updateBudgetEntry = toFormAction(updateBudgetEntryCommand, campaignPages);
export const deleteBudgetEntry = toFormAction(deleteBudgetEntryCommand, campaignPages);
export const linkCampaignDeal = toFormAction(linkCampaignDealCommand, linkPages);
export const unlinkCampaignDeal = toFormAction(unlinkCampaignDealCommand, linkPages);
export const linkCampaignMeeting = toFormAction(linkCampaignMeetingCommand, linkPages);
export const unlinkCampaignMeeting = toFormAction(unlinkCampaignMeetingCommand, linkPages);

/** Bulk actions take JSON: a selection is a list of rows or the table's filter. */
export async function bulkSetCampaignStatus(input: unknown) {
  return performAction(bulkSetCampaignStatusCommand, input, campaignPages);
}

export async function bulkReassignCampaignCoordinator(input: unknown) {
  return performAction(bulkReassignCampaignCoordinatorCommand, input, campaignPages);
}
