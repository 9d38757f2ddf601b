'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { performAction, toFormAction } from '@/server/action';
import { clientAddressFrom } from '@/server/auth/client-ip';
import { formDataToObject } from '@/lib/form-data';
import type { ActionResult } from '@/lib/action-result';
import {
  createProposalCommand,
  reviewProposalCommand,
  reviseProposalCommand,
  sendProposalCommand,
  setShareLinkCommand,
  submitProposalCommand,
  updateProposalCommand,
  withdrawProposalCommand,
} from './commands';
import { bulkWithdrawProposalsCommand } from './bulk';
import { acceptSharedProposal, confirmShareLinkView, declineSharedProposal } from './share';

const proposalPages = ['/proposals', '/proposals/[id]', '/proposals/review', '/clients/[id]', '/'];

export const createProposal = toFormAction(createProposalCommand, proposalPages);
export const updateProposal = toFormAction(updateProposalCommand, proposalPages);
export const submitProposal = toFormAction(submitProposalCommand, proposalPages);
export const reviewProposal = toFormAction(reviewProposalCommand, proposalPages);
export const reviseProposal = toFormAction(reviseProposalCommand, proposalPages);
export const sendProposal = toFormAction(sendProposalCommand, proposalPages);
export const withdrawProposal = toFormAction(withdrawProposalCommand, proposalPages);
export const setShareLink = toFormAction(setShareLinkCommand, proposalPages);

/** Takes JSON: a selection is a list of rows or the list's filter, not form fields. */
export async function bulkWithdrawProposals(input: unknown) {
  return performAction(bulkWithdrawProposalsCommand, input, proposalPages);
}

type ClientAnswer = ActionResult<{ status: 'accepted' | 'declined' }>;

async function visitorAddress() {
  return clientAddressFrom(await headers());
}

/** Shows the client page its new state once the answer is recorded. */
function refreshSharedPage(result: ClientAnswer, formData: FormData) {
  if (result.ok) revalidatePath(`/p/${String(formData.get('token'))}`);
  return result;
}

/** The client's acceptance through the share link (no session: the token is the permission). */
export async function acceptProposal(_previous: ClientAnswer | null, formData: FormData) {
  const result = await acceptSharedProposal(formDataToObject(formData), await visitorAddress());
  return refreshSharedPage(result, formData);
}

/** The client's refusal through the share link, with their comment. */
export async function declineProposal(_previous: ClientAnswer | null, formData: FormData) {
  const result = await declineSharedProposal(formDataToObject(formData), await visitorAddress());
  return refreshSharedPage(result, formData);
}

/** The share page's report that it is shown in the client's browser (see ViewBeacon). */
export async function confirmProposalView(input: { token: string; viewId: number | null }) {
  await confirmShareLinkView(input, (await headers()).get('user-agent'));
}
