import 'server-only';

// The client commands, one file per sub-entity; actions.ts and tests import them from here.
export {
  convertProspectCommand,
  createClientCommand,
  reassignClientCommand,
  updateClientCommand,
} from './accounts';
export { addContactCommand, removeContactCommand, updateContactCommand } from './contacts';
export { logActivityCommand } from './timeline';
export { addResearchNoteCommand, deleteResearchNoteCommand } from './research';
export { linkCompetitorCommand, unlinkCompetitorCommand } from './competitor-links';
