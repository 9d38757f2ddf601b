'use server';

import { performAction, toFormAction } from '@/server/action';
import { bulkMoveDealsCommand, bulkReassignDealsCommand } from './bulk';
import { createDealCommand, moveDealCommand, updateDealCommand } from './commands';

const dealPages = ['/pipeline', '/pipeline/board', '/deals/[id]', '/clients/[id]'];

export const createDeal = toFormAction(createDealCommand, dealPages);
export const updateDeal = toFormAction(updateDealCommand, dealPages);

/** The board's drop and "Move to…": the same command as the stage form, called with plain values. */
export async function moveDeal(input: {
  dealId: string;
  version: number;
  stage: string;
  lostReason?: string;
}) {
  return performAction(moveDealCommand, input, dealPages);
}

/** Bulk actions take JSON: a selection is a list of rows or the table's filter. */
export async function bulkMoveDeals(input: unknown) {
  return performAction(bulkMoveDealsCommand, input, dealPages);
}

export async function bulkReassignDeals(input: unknown) {
  return performAction(bulkReassignDealsCommand, input, dealPages);
}
