'use server';

import type { z } from 'zod';
import type { findImportMappingSchema, importClientsSchema } from '@/lib/client-import';
import type { ValueMap } from '@/lib/client-import-values';
import { performAction, toFormAction } from '@/server/action';
import {
  addContactCommand,
  addResearchNoteCommand,
  convertProspectCommand,
  createClientCommand,
  deleteResearchNoteCommand,
  linkCompetitorCommand,
  logActivityCommand,
  reassignClientCommand,
  removeContactCommand,
  unlinkCompetitorCommand,
  updateClientCommand,
  updateContactCommand,
} from './commands';
import { importClientsCommand } from './import';
import { findImportMappingCommand } from './import-mappings';
import { bulkClientStatusCommand, bulkReassignClientsCommand, bulkTagClientsCommand } from './bulk';

const clientPages = ['/clients', '/prospects', '/clients/[id]'];

export const createClient = toFormAction(createClientCommand, clientPages);
export const updateClient = toFormAction(updateClientCommand, clientPages);
export const reassignClient = toFormAction(reassignClientCommand, clientPages);
export const convertProspect = toFormAction(convertProspectCommand, clientPages);
export const addContact = toFormAction(addContactCommand, clientPages);
export const updateContact = toFormAction(updateContactCommand, clientPages);
export const removeContact = toFormAction(removeContactCommand, clientPages);
export const logActivity = toFormAction(logActivityCommand, clientPages);
export const addResearchNote = toFormAction(addResearchNoteCommand, clientPages);
export const deleteResearchNote = toFormAction(deleteResearchNoteCommand, clientPages);
export const linkCompetitor = toFormAction(linkCompetitorCommand, [...clientPages, '/competitors']);
export const unlinkCompetitor = toFormAction(unlinkCompetitorCommand, [
  ...clientPages,
  '/competitors',
]);

/**
 * Takes the mapped rows as JSON (not FormData): a file's worth of rows in one call. The value
 * choices are typed loosely, as the wizard holds them; the schema checks each one.
 */
export async function importClients(
  input: Omit<z.input<typeof importClientsSchema>, 'values'> & { values: ValueMap },
) {
  return performAction(importClientsCommand, input, clientPages);
}

/** The mapping the signed-in user chose last time for this header row, if any. */
export async function findImportMapping(input: z.input<typeof findImportMappingSchema>) {
  return performAction(findImportMappingCommand, input);
}

/** Bulk actions take JSON: a selection is a list of rows or the list's filter, not form fields. */
export async function bulkReassignClients(input: unknown) {
  return performAction(bulkReassignClientsCommand, input, clientPages);
}

export async function bulkTagClients(input: unknown) {
  return performAction(bulkTagClientsCommand, input, clientPages);
}

export async function bulkSetClientStatus(input: unknown) {
  return performAction(bulkClientStatusCommand, input, clientPages);
}
