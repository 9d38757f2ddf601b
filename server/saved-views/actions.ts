'use server';

import { savedViewListDefinitions } from '@/lib/validation/saved-views';
import { performAction, toFormAction } from '@/server/action';
import {
  createSavedViewCommand,
  deleteSavedViewCommand,
  renameSavedViewCommand,
  saveSavedViewStateCommand,
  setDefaultSavedViewCommand,
  shareSavedViewCommand,
} from './commands';

// A view belongs to one list, but a shared one shows on that list for everyone: refresh them all.
const listPages = Object.values(savedViewListDefinitions).map((definition) => definition.path);

export const createSavedView = toFormAction(createSavedViewCommand, listPages);
export const renameSavedView = toFormAction(renameSavedViewCommand, listPages);

export async function saveSavedViewState(input: { id: string; list: string; state: string }) {
  return performAction(saveSavedViewStateCommand, input, listPages);
}

export async function shareSavedView(input: { id: string; shared: boolean }) {
  return performAction(shareSavedViewCommand, input, listPages);
}

export async function deleteSavedView(input: { id: string }) {
  return performAction(deleteSavedViewCommand, input, listPages);
}

export async function setDefaultSavedView(input: { list: string; id: string | null }) {
  return performAction(
    setDefaultSavedViewCommand,
    { list: input.list, id: input.id ?? '' },
    listPages,
  );
}
