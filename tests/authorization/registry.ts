import type { ActionEntry } from './action-entry';
import { adminActions } from './actions/admin';
import { calendarActions } from './actions/calendar';
import { clientActions } from './actions/clients';
import { moneyActions } from './actions/money';
import { pipelineActions } from './actions/pipeline';
import { workActions } from './actions/work';

/** Every action definition in server/, by its export name: the list the matrix test runs. */
export const actionRegistry: Record<string, ActionEntry> = {
  ...clientActions,
  ...pipelineActions,
  ...moneyActions,
  ...workActions,
  ...adminActions,
  ...calendarActions,
};

/**
 * The server actions ('use server' exports) that run no action definition, each with who may
 * call it: reads that go through the queries' own checks, and the steps a token or a password opens.
 */
export const serverActionsWithoutDefinition: Record<string, string> = {
  'server/auth/actions.ts#signInWithPassword': 'anyone: the password is the check',
  'server/auth/actions.ts#signInWithCompany': 'anyone: the company sign-in is the check',
  'server/auth/actions.ts#signOutOfAccord': 'anyone: ends their own session',
  'server/users/actions.ts#setUserActive': 'a manager: chooses deactivateUser or reactivateUser',
  'server/users/actions.ts#setPassword': 'whoever holds a set-password link',
  'server/proposals/actions.ts#acceptProposal': "whoever holds the proposal's client link",
  'server/proposals/actions.ts#declineProposal': "whoever holds the proposal's client link",
  'server/proposals/actions.ts#confirmProposalView': "whoever holds the proposal's client link",
  'server/meetings/actions.ts#findTimes': "signed in: free times in the attendees' hours",
  'server/meetings/actions.ts#loadClientMeetingOptions': "signed in: a client's contacts and deals",
  'server/search/actions.ts#search': 'signed in: the palette, over what the user sees',
  'server/search/actions.ts#searchClientChoices':
    'signed in: every client picker, clients the user sees',
  'server/notifications/actions.ts#loadRecentNotifications': "signed in: the bell's own items",
};
