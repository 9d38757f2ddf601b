'use server';

import { toFormAction } from '@/server/action';
import { deleteDocumentCommand, purgeDocumentCommand } from './commands';

// Files panels sit on every record page; each one refreshes itself after a change.
const recordPages = ['/clients/[id]', '/deals/[id]', '/proposals/[id]', '/contracts/[id]'];

export const deleteDocument = toFormAction(deleteDocumentCommand, recordPages);
export const purgeDocument = toFormAction(purgeDocumentCommand, recordPages);
