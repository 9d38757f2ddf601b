'use server';

import { z } from 'zod';
import { performAction, toFormAction } from '@/server/action';
import { getUserForRoute } from '@/server/auth/session';
import { bulkMoveDealsCommand, bulkReassignDealsCommand } from './bulk';
import { createDealCommand, moveDealCommand, updateDealCommand } from './commands';
import { findDealClients, type DealClientOption } from './queries';

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

/** The new-deal client picker: visible clients by name, for signed-in users only. */
export async function searchDealClients(query: string): Promise<DealClientOption[]> {
  // Nothing opens to someone still on a temporary password.
  const user = await getUserForRoute();
  const parsed = z.string().trim().min(1).max(100).safeParse(query);
  if (!user || !parsed.success) return [];
  return findDealClients(user, parsed.data);
}

/** Bulk actions take JSON: a selection is a list of rows or the table's filter. */
export async function bulkMoveDeals(input: unknown) {
  return performAction(bulkMoveDealsCommand, input, dealPages);
}

export async function bulkReassignDeals(input: unknown) {
  return performAction(bulkReassignDealsCommand, input, dealPages);
}
