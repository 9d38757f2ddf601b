import 'server-only';

// The proposal commands by stage of a proposal's life; actions.ts and tests import them from here.
export { createProposalCommand, updateProposalCommand } from './drafting';
export { reviewProposalCommand, reviseProposalCommand, submitProposalCommand } from './review';
export { sendProposalCommand, setShareLinkCommand, withdrawProposalCommand } from './sending';
