import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type { ActionErrorCode, ActionResult } from '@/lib/action-result';
import type { BulkResult } from '@/lib/bulk';
import { paymentMethods } from '@/lib/invoices';
import type { TaskLinkKind } from '@/lib/tasks';
import { campaignFiltersSchema, campaignListSchema } from '@/lib/validation/campaigns';
import { clientListSchema } from '@/lib/validation/clients';
import { contractListSchema } from '@/lib/validation/contracts';
import { dealFilterSchema, dealListSchema } from '@/lib/validation/deals';
import { feedbackListSchema } from '@/lib/validation/feedback';
import { invoiceListSchema } from '@/lib/validation/invoices';
import { materialLibrarySchema, materialListSchema } from '@/lib/validation/materials';
import { proposalListSchema } from '@/lib/validation/proposals';
import { executeAction, type ActionDefinition } from '@/server/action';
import { can, type Permission } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { getCampaignBudgetTotals } from '@/server/campaigns/budget-totals';
import {
  bulkReassignCampaignCoordinatorCommand,
  bulkSetCampaignStatusCommand,
} from '@/server/campaigns/bulk';
import { updateCampaignCommand, createCampaignCommand } from '@/server/campaigns/commands';
import {
  addBudgetEntryCommand,
  deleteBudgetEntryCommand,
  updateBudgetEntryCommand,
} from '@/server/campaigns/entries';
import {
  linkCampaignDealCommand,
  linkCampaignMeetingCommand,
  unlinkCampaignDealCommand,
  unlinkCampaignMeetingCommand,
} from '@/server/campaigns/links';
import {
  getCampaignPage,
  getClientForCampaign,
  listCampaigns,
  listClientCampaigns,
  listDealCampaigns,
  listMeetingCampaigns,
} from '@/server/campaigns/queries';
import {
  bulkClientStatusCommand,
  bulkReassignClientsCommand,
  bulkTagClientsCommand,
} from '@/server/clients/bulk';
import {
  convertProspectCommand,
  reassignClientCommand,
  updateClientCommand,
} from '@/server/clients/commands/accounts';
import {
  linkCompetitorCommand,
  unlinkCompetitorCommand,
} from '@/server/clients/commands/competitor-links';
import {
  addContactCommand,
  removeContactCommand,
  updateContactCommand,
} from '@/server/clients/commands/contacts';
import {
  addResearchNoteCommand,
  deleteResearchNoteCommand,
} from '@/server/clients/commands/research';
import { logActivityCommand } from '@/server/clients/commands/timeline';
import {
  findVisibleClient,
  findVisibleClients,
  getClientWithRecords,
  listClients,
} from '@/server/clients/queries';
import {
  createContractCommand,
  renewContractCommand,
  sendContractCommand,
  signContractCommand,
  terminateContractCommand,
  updateContractCommand,
} from '@/server/contracts/commands';
import {
  getContractPage,
  listClientContracts,
  listContracts,
  listProposalContracts,
} from '@/server/contracts/queries';
import { bulkMoveDealsCommand, bulkReassignDealsCommand } from '@/server/deals/bulk';
import { createDealCommand, moveDealCommand, updateDealCommand } from '@/server/deals/commands';
import {
  getBoard,
  getDeal,
  getDealClient,
  getStageTotals,
  listClientDeals,
  listDeals,
} from '@/server/deals/queries';
import { deleteDocumentCommand, purgeDocumentCommand } from '@/server/documents/commands';
import { findDownloadableDocument, listRecordDocuments } from '@/server/documents/queries';
import {
  acknowledgeFeedbackCommand,
  logFeedbackCommand,
  resolveFeedbackCommand,
  routeFeedbackCommand,
} from '@/server/feedback/commands';
import {
  getFeedbackPage,
  getLogFeedbackOptions,
  listClientFeedback,
  listFeedback,
  listFeedbackRoutedToMe,
} from '@/server/feedback/queries';
import {
  createCreditNoteCommand,
  createInvoiceCommand,
  createInvoiceFromContractCommand,
  issueInvoiceCommand,
  recordPaymentCommand,
  updateInvoiceDraftCommand,
  voidInvoiceCommand,
} from '@/server/invoices/commands';
import {
  getAgingReport,
  getClientForInvoice,
  getInvoicePage,
  listClientInvoices,
  listInvoices,
} from '@/server/invoices/queries';
import {
  approveMaterialCommand,
  assignMaterialCommand,
  attachMaterialCommand,
  bulkAssignMaterialsCommand,
  createMaterialCommand,
  detachMaterialCommand,
  sendBackMaterialCommand,
  startMaterialCommand,
  submitMaterialCommand,
  updateMaterialCommand,
} from '@/server/materials/commands';
import {
  findFilterCampaign,
  getMaterialPage,
  getNewMaterialOptions,
  listAttachedMaterials,
  listMaterials,
  listMyMaterialsDue,
  listRecordMaterials,
  searchMaterialLibrary,
} from '@/server/materials/queries';
import {
  cancelMeetingCommand,
  completeMeetingCommand,
  createMeetingCommand,
  moveMeetingCommand,
  updateMeetingCommand,
} from '@/server/meetings/commands';
import {
  getMeeting,
  listCalendarClients,
  listCalendarMeetings,
  listClientMeetingOptions,
  listClientMeetings,
  meetingsForUserOnDay,
} from '@/server/meetings/queries';
import { bulkWithdrawProposalsCommand } from '@/server/proposals/bulk';
import { createProposalCommand, updateProposalCommand } from '@/server/proposals/commands/drafting';
import {
  reviewProposalCommand,
  reviseProposalCommand,
  submitProposalCommand,
} from '@/server/proposals/commands/review';
import {
  sendProposalCommand,
  setShareLinkCommand,
  withdrawProposalCommand,
} from '@/server/proposals/commands/sending';
import {
  getNewProposalOptions,
  getProposalPage,
  listClientProposals,
  listProposals,
} from '@/server/proposals/queries';
import { getReportClientName } from '@/server/reports/queries';
import { findVisibleReportRun, listReportRuns } from '@/server/reports/runs';
import { getPipelineDashboard } from '@/server/reports/pipeline';
import { searchEverything } from '@/server/search/queries';
import { createTaskCommand } from '@/server/tasks/commands';
import { db } from '@/db/client';
import { campaignForm, entryForm } from '../support/campaign-factories';
import { clientForm, setVisibility } from '../support/client-factories';
import { dealEditForm, dealForm } from '../support/deal-factories';
import { pdfBytes, upload } from '../support/document-factories';
import { invoiceLine } from '../support/invoice-factories';
import { daysFromToday, meetingInput } from '../support/meeting-factories';
import { checksumOfAllTables } from '../support/table-checksum';
import {
  createAccountWithEveryRecord,
  marker,
  type AccountFixture,
} from '../support/visibility-fixture';

// The route handlers read the signed-in user from the request; here it is whoever the test runs
// them as, kept per call so viewers can be checked at once.
const signedIn = await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import('node:async_hooks');
  return new AsyncLocalStorage<CurrentUser>();
});
vi.mock('@/server/auth/session', async (original) => ({
  ...(await original<typeof import('@/server/auth/session')>()),
  getUserForRoute: async () => signedIn.getStore() ?? null,
}));
const { GET: exportClients } = await import('@/app/(portal)/clients/export/route');
const { GET: exportDeals } = await import('@/app/(portal)/pipeline/export/route');
const { GET: exportContracts } = await import('@/app/(portal)/contracts/export/route');
const { GET: exportInvoices } = await import('@/app/(portal)/invoices/export/route');
const { GET: exportAging } = await import('@/app/(portal)/invoices/aging/csv/route');
const { GET: exportMaterials } = await import('@/app/(portal)/materials/export/route');
const { GET: exportCampaigns } = await import('@/app/(portal)/campaigns/export/route');
const { GET: exportReport } = await import('@/app/(portal)/reports/[report]/csv/route');
const { GET: downloadDocument } = await import('@/app/(portal)/documents/[id]/route');
const { GET: proposalPdf } = await import('@/app/(portal)/proposals/[id]/pdf/route');
const { GET: contractPdf } = await import('@/app/(portal)/contracts/[id]/pdf/route');
const { GET: invoicePdf } = await import('@/app/(portal)/invoices/[id]/pdf/route');
const { GET: meetingIcs } = await import('@/app/(portal)/meetings/[id]/ics/route');
const { GET: calendarFeed } = await import('@/app/calendar/feed/[token]/route');

/** The record types issue 15 names: each must have an entry in `recordTypes` below. */
const issueRecordTypes = [
  'clients',
  'contacts',
  'deals',
  'proposals',
  'contracts',
  'invoices',
  'documents',
  'meetings',
  'feedback',
  'materials',
  'campaigns',
  'reports',
] as const;

type Way<T> = (viewer: CurrentUser, account: AccountFixture) => Promise<T>;

/** A direct action on the record: what it needs to be allowed, and how to call it as `actor`. */
type ActionCase = {
  name: string;
  permission: Permission;
  run: (actor: CurrentUser) => Promise<ActionResult<unknown>>;
};

type RecordType = {
  /** The record's ids in every list that could show it (list pages, panels, "My work"). */
  listed: Way<string[]>;
  /** How many of this type the viewer's counts and totals hold (only this account's exist). */
  counted: Way<number>;
  /** The palette term that finds it, for the types the palette searches. */
  searchTerm?: (account: AccountFixture) => string;
  /** The id a palette hit names for it. */
  id: (account: AccountFixture) => string;
  /** What its detail page calls: "not found" for an outsider. */
  detail: Way<unknown>;
  /** Route handlers that answer the record itself: PDF, `.ics`, file download. */
  files: Way<Response>[];
  /** Exports and feeds that would carry the record's account: CSV, the calendar feed. */
  texts: Way<string>[];
  actions: (account: AccountFixture, outsider: CurrentUser) => ActionCase[];
};

/** An action called through executeAction, its input first checked to be otherwise valid. */
function action<TSchema extends z.ZodType>(
  name: string,
  definition: ActionDefinition<TSchema, unknown>,
  input: Record<string, unknown>,
): ActionCase {
  return {
    name,
    permission: definition.permission,
    run: (actor) => {
      const parsed = definition.schema.safeParse(input);
      if (!parsed.success) throw new Error(`${name}: invalid input ${parsed.error.message}`);
      return executeAction(definition, actor, input);
    },
  };
}

/** An upload through what the upload route calls, its refusal read from the HTTP status. */
function uploadCase(name: string, target: Parameters<typeof upload>[1]): ActionCase {
  return {
    name,
    permission: 'documents.upload',
    run: async (actor) => {
      const answer = await upload(actor, target, `${name}.pdf`, pdfBytes);
      if (answer.body.ok) return answer.body;
      return { ...answer.body, code: statusCodes[answer.status] };
    },
  };
}

/** A task created about the record: linking to it is an action on it too. */
function taskAbout(linkKind: TaskLinkKind, linkId: string) {
  return action('create a task about it', createTaskCommand, {
    title: 'Follow up',
    dueDate: '',
    dueTime: '',
    assigneeId: '',
    linkKind,
    linkId,
  });
}

const statusCodes: Record<number, ActionErrorCode> = { 403: 'forbidden', 404: 'not_found' };

/** A bulk selection of one listed row at its current version. */
const selectionOf = (record: { id: string; version: number }) => ({
  mode: 'rows',
  rows: [{ id: record.id, version: record.version }],
});

const version = (record: { version: number }) => String(record.version);

/** The route's answer to `path` as the signed-in `viewer`. */
async function asViewer(
  viewer: CurrentUser,
  route: (request: Request, context: { params: Promise<never> }) => Promise<Response>,
  path: string,
  params: object = {},
) {
  return signedIn.run(viewer, () =>
    route(new Request(`http://accord.test${path}`), {
      params: Promise.resolve(params) as Promise<never>,
    }),
  );
}

async function textOf(response: Response) {
  expect(response.status).toBe(200);
  return response.text();
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

/** The ids of the records a form or filter was opened on, where the viewer may see them. */
const present = (...rows: ({ id: string } | null | undefined)[]) =>
  rows.flatMap((row) => (row ? [row.id] : []));

/** An empty answer where a hidden account's page would be: its panels are not found either. */
async function orNothing<T>(read: Promise<T[]>): Promise<T[]> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

function isNotFound(error: unknown) {
  return (
    typeof error === 'object' &&
    error !== null &&
    'digest' in error &&
    String(error.digest).endsWith(';404')
  );
}

/** Whether a read answered "not found": Next's notFound(), null, or a 404 response. */
async function answersNotFound(read: Promise<unknown>) {
  try {
    const answer = await read;
    return answer === null || (answer instanceof Response && answer.status === 404);
  } catch (error) {
    if (isNotFound(error)) return true;
    throw error;
  }
}

const now = () => new Date();

/** The week around the meeting on the viewer's own calendar and the account's. */
async function calendarMeetings(viewer: CurrentUser, account: AccountFixture) {
  const { meetings } = await listCalendarMeetings(viewer, {
    from: new Date(Date.now() - 86_400_000),
    to: new Date(Date.now() + 3 * 86_400_000),
    people: [viewer.id],
    clients: [account.client.id],
    kinds: [],
  });
  return meetings;
}

/** The deals the viewer's pipeline report counts for the account, read from its CSV. */
async function reportedDeals(viewer: CurrentUser, account: AccountFixture) {
  const response = await asViewer(
    viewer,
    exportReport,
    `/reports/pipeline/csv?range=thisQuarter&client=${account.client.id}`,
    { report: 'pipeline' },
  );
  const [header = '', ...rows] = (await textOf(response))
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const dealsColumn = header.split(',').indexOf('Deals');
  return rows.reduce((sum, row) => sum + Number(row.split(',')[dealsColumn]), 0);
}

const recordTypes = {
  clients: {
    id: (account) => account.client.id,
    listed: async (viewer, { client }) => {
      // The list page, then the client pickers and prefilled forms of every other page.
      const [list, found, calendar, forDeal, forInvoice, forCampaign, filter, forms] =
        await Promise.all([
          listClients(viewer, clientListSchema.parse({})),
          findVisibleClients(viewer, marker, 20),
          listCalendarClients(viewer, [client.id]),
          getDealClient(viewer, client.id),
          getClientForInvoice(viewer, client.id),
          getClientForCampaign(viewer, client.id),
          findVisibleClient(viewer, client.id),
          Promise.all([
            getNewProposalOptions(viewer, { clientId: client.id }),
            getNewMaterialOptions(viewer, { clientId: client.id }),
            getLogFeedbackOptions(viewer, client.id),
            listClientMeetingOptions(viewer, client.id),
          ]),
        ]);
      return [
        ...ids(list.rows),
        ...ids(found),
        ...ids(calendar),
        ...present(forDeal, forInvoice, forCampaign, filter, ...forms.map((form) => form?.client)),
      ];
    },
    counted: async (viewer) => (await listClients(viewer, clientListSchema.parse({}))).total,
    searchTerm: () => marker,
    detail: (viewer, account) => getClientWithRecords(viewer, account.client.id),
    files: [],
    texts: [(viewer) => asViewer(viewer, exportClients, '/clients/export').then(textOf)],
    actions: ({ client, competitor, researchNote }, outsider) => [
      action('update', updateClientCommand, {
        ...clientForm({ name: 'Renamed' }),
        clientId: client.id,
        version: version(client),
      }),
      action('reassign', reassignClientCommand, {
        clientId: client.id,
        version: version(client),
        ownerId: '',
        coordinatorId: outsider.id,
      }),
      action('convert prospect', convertProspectCommand, {
        clientId: client.id,
        version: version(client),
      }),
      action('link competitor', linkCompetitorCommand, {
        clientId: client.id,
        competitorId: competitor.id,
      }),
      action('unlink competitor', unlinkCompetitorCommand, {
        clientId: client.id,
        competitorId: competitor.id,
      }),
      action('add research', addResearchNoteCommand, {
        clientId: client.id,
        topic: 'company',
        sourceUrl: '',
        summary: 'Growing fast.',
      }),
      action('delete research', deleteResearchNoteCommand, {
        clientId: client.id,
        noteId: researchNote.id,
      }),
      action('log activity', logActivityCommand, {
        clientId: client.id,
        kind: 'note',
        subject: 'Called them',
        body: '',
      }),
      action('bulk status', bulkClientStatusCommand, {
        selection: selectionOf(client),
        status: 'paused',
      }),
      action('bulk reassign', bulkReassignClientsCommand, {
        selection: selectionOf(client),
        role: 'coordinator',
        userId: outsider.id,
      }),
      action('bulk tag', bulkTagClientsCommand, {
        selection: selectionOf(client),
        operation: 'add',
        tag: 'Seen',
      }),
      action('create deal', createDealCommand, dealForm(client.id)),
      action('create proposal', createProposalCommand, { clientId: client.id }),
      action('create contract', createContractCommand, { clientId: client.id }),
      action('create invoice', createInvoiceCommand, { clientId: client.id }),
      action('schedule meeting', createMeetingCommand, meetingInput(client.id, [outsider.id])),
      action('log feedback', logFeedbackCommand, {
        clientId: client.id,
        channel: 'call',
        sentiment: 'positive',
        body: 'Great work.',
      }),
      action('request material', createMaterialCommand, {
        clientId: client.id,
        kind: 'video',
        title: 'Teaser',
      }),
      action('create campaign', createCampaignCommand, campaignForm(client.id)),
      uploadCase('upload a file', { recordKind: 'client', recordId: client.id }),
      taskAbout('client', client.id),
    ],
  },
  contacts: {
    id: (account) => account.contact.id,
    listed: async (viewer, { client }) => {
      const [page, feedbackForm, meetingForm] = await Promise.all([
        orNothing(getClientWithRecords(viewer, client.id).then((found) => found.contacts)),
        getLogFeedbackOptions(viewer, client.id),
        listClientMeetingOptions(viewer, client.id),
      ]);
      return [...ids(page), ...ids(feedbackForm.contacts), ...ids(meetingForm?.contacts ?? [])];
    },
    counted: async (viewer, account) =>
      (await orNothing(getClientWithRecords(viewer, account.client.id).then((c) => c.contacts)))
        .length,
    searchTerm: () => marker,
    // A contact's page is its client's.
    detail: (viewer, account) => getClientWithRecords(viewer, account.client.id),
    files: [],
    texts: [],
    actions: ({ client, contact }) => [
      action('add', addContactCommand, { clientId: client.id, name: 'New Contact' }),
      action('update', updateContactCommand, {
        clientId: client.id,
        contactId: contact.id,
        version: version(contact),
        name: 'Renamed Contact',
      }),
      action('remove', removeContactCommand, { clientId: client.id, contactId: contact.id }),
    ],
  },
  deals: {
    id: (account) => account.deal.id,
    listed: async (viewer, account) => {
      const [list, board, panel, proposalForm, materialForm, meetingForm] = await Promise.all([
        listDeals(viewer, dealListSchema.parse({})),
        getBoard(viewer, dealFilterSchema.parse({})),
        orNothing(listClientDeals(viewer, account.client.id)),
        getNewProposalOptions(viewer, { dealId: account.deal.id }),
        getNewMaterialOptions(viewer, { dealId: account.deal.id }),
        listClientMeetingOptions(viewer, account.client.id),
      ]);
      return [
        ...ids(list.rows),
        ...board.flatMap((column) => ids(column.cards)),
        ...ids(panel),
        ...ids(proposalForm.deals),
        ...ids(materialForm.deals),
        ...ids(meetingForm?.deals ?? []),
      ];
    },
    counted: async (viewer) => {
      const [list, totals, dashboard] = await Promise.all([
        listDeals(viewer, dealListSchema.parse({})),
        getStageTotals(viewer, dealFilterSchema.parse({})),
        getPipelineDashboard(viewer),
      ]);
      return [...totals, ...dashboard.stages].reduce((sum, total) => sum + total.count, list.total);
    },
    searchTerm: () => marker,
    detail: (viewer, account) => getDeal(viewer, account.deal.id),
    files: [],
    texts: [(viewer) => asViewer(viewer, exportDeals, '/pipeline/export').then(textOf)],
    actions: ({ deal, campaign }, outsider) => [
      action('update', updateDealCommand, dealEditForm(deal, { name: 'Renamed Deal' })),
      action('move', moveDealCommand, {
        dealId: deal.id,
        version: version(deal),
        stage: 'qualified',
        lostReason: '',
      }),
      action('bulk move', bulkMoveDealsCommand, {
        selection: selectionOf(deal),
        stage: 'qualified',
        lostReason: '',
      }),
      action('bulk reassign', bulkReassignDealsCommand, {
        selection: selectionOf(deal),
        role: 'owner',
        userId: outsider.id,
      }),
      action('link to campaign', linkCampaignDealCommand, {
        campaignId: campaign.id,
        dealId: deal.id,
      }),
      uploadCase('upload a file', { recordKind: 'deal', recordId: deal.id }),
      taskAbout('deal', deal.id),
    ],
  },
  proposals: {
    id: (account) => account.proposal.id,
    listed: async (viewer, account) => {
      const [list, panel] = await Promise.all([
        listProposals(viewer, proposalListSchema.parse({})),
        orNothing(listClientProposals(viewer, account.client.id)),
      ]);
      return [...ids(list.rows), ...ids(panel)];
    },
    counted: async (viewer) => (await listProposals(viewer, proposalListSchema.parse({}))).total,
    searchTerm: () => marker,
    detail: (viewer, account) => getProposalPage(viewer, account.proposal.id),
    files: [
      (viewer, { proposal }) =>
        asViewer(viewer, proposalPdf, `/proposals/${proposal.id}/pdf`, { id: proposal.id }),
    ],
    texts: [],
    actions: ({ proposal }) => {
      const step = { id: proposal.id, version: version(proposal) };
      return [
        action('update', updateProposalCommand, {
          ...step,
          title: 'Renamed Proposal',
          body: 'New scope.',
          amount: '1,000',
          currency: 'USD',
          validUntil: '',
          reviewerId: '',
        }),
        action('submit', submitProposalCommand, step),
        action('review', reviewProposalCommand, { ...step, decision: 'approved', comment: '' }),
        action('revise', reviseProposalCommand, step),
        action('send', sendProposalCommand, step),
        action('turn the share link off', setShareLinkCommand, { ...step, enabled: 'false' }),
        action('withdraw', withdrawProposalCommand, step),
        action('bulk withdraw', bulkWithdrawProposalsCommand, { selection: selectionOf(proposal) }),
        action('draft a contract from it', createContractCommand, { proposalId: proposal.id }),
        uploadCase('upload a file', { recordKind: 'proposal', recordId: proposal.id }),
        taskAbout('proposal', proposal.id),
      ];
    },
  },
  contracts: {
    id: (account) => account.contract.id,
    listed: async (viewer, account) => {
      const [list, panel, proposalPanel] = await Promise.all([
        listContracts(viewer, contractListSchema.parse({})),
        orNothing(listClientContracts(viewer, account.client.id)),
        listProposalContracts(viewer, account.proposal.id),
      ]);
      return [...ids(list.rows), ...ids(panel), ...ids(proposalPanel)];
    },
    counted: async (viewer) => (await listContracts(viewer, contractListSchema.parse({}))).total,
    searchTerm: () => marker,
    detail: (viewer, account) => getContractPage(viewer, account.contract.id),
    files: [
      (viewer, { contract }) =>
        asViewer(viewer, contractPdf, `/contracts/${contract.id}/pdf`, { id: contract.id }),
    ],
    texts: [(viewer) => asViewer(viewer, exportContracts, '/contracts/export').then(textOf)],
    actions: ({ contract, document }) => {
      const step = { id: contract.id, version: version(contract) };
      return [
        action('update', updateContractCommand, {
          ...step,
          title: 'Renamed Contract',
          value: '1,000',
          currency: 'USD',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          autoRenew: '',
          renewalTermMonths: '12',
          noticePeriodDays: '30',
          terms: 'New terms.',
        }),
        action('send', sendContractCommand, step),
        action('sign', signContractCommand, {
          ...step,
          signedDocumentId: document.id,
          signerName: 'Ann Lee',
          signedOn: '2026-01-05',
        }),
        action('terminate', terminateContractCommand, { ...step, reason: 'Ended early.' }),
        action('renew', renewContractCommand, { ...step, openDeal: '', note: '' }),
        action('invoice it', createInvoiceFromContractCommand, { contractId: contract.id }),
        uploadCase('upload a file', { recordKind: 'contract', recordId: contract.id }),
      ];
    },
  },
  invoices: {
    id: (account) => account.invoice.id,
    listed: async (viewer, account) => {
      const [list, panel] = await Promise.all([
        listInvoices(viewer, invoiceListSchema.parse({})),
        orNothing(listClientInvoices(viewer, account.client.id)),
      ]);
      return [...ids(list.rows), ...ids(panel)];
    },
    counted: async (viewer) => {
      const [list, aging] = await Promise.all([
        listInvoices(viewer, invoiceListSchema.parse({})),
        getAgingReport(viewer, daysFromToday(60)),
      ]);
      return (
        list.total +
        list.totals.reduce((sum, total) => sum + total.count, 0) +
        aging.clients.length +
        aging.totals.length
      );
    },
    searchTerm: (account) => account.invoice.number ?? 'no number',
    detail: (viewer, account) => getInvoicePage(viewer, account.invoice.id),
    files: [
      (viewer, { invoice }) =>
        asViewer(viewer, invoicePdf, `/invoices/${invoice.id}/pdf`, { id: invoice.id }),
    ],
    texts: [
      (viewer) => asViewer(viewer, exportInvoices, '/invoices/export').then(textOf),
      (viewer) =>
        asViewer(viewer, exportAging, `/invoices/aging/csv?asOf=${daysFromToday(60)}`).then(textOf),
    ],
    actions: ({ invoice }) => {
      const step = { id: invoice.id, version: version(invoice) };
      return [
        action('update draft', updateInvoiceDraftCommand, {
          ...step,
          paymentTermsDays: '14',
          poNumber: '',
          notes: '',
          lines: JSON.stringify([invoiceLine()]),
        }),
        action('issue', issueInvoiceCommand, step),
        action('void', voidInvoiceCommand, { ...step, reason: 'Wrong client.' }),
        action('credit', createCreditNoteCommand, { ...step, amount: '10.00', reason: 'Refund.' }),
        action('record payment', recordPaymentCommand, {
          ...step,
          paidOn: daysFromToday(0),
          amount: '10.00',
          method: paymentMethods[0],
          reference: '',
        }),
        uploadCase('upload a file', { recordKind: 'invoice', recordId: invoice.id }),
      ];
    },
  },
  documents: {
    id: (account) => account.document.id,
    listed: async (viewer, account) => {
      const [onClient, onMaterial] = await Promise.all([
        orNothing(listRecordDocuments(viewer, 'client', account.client.id)),
        orNothing(listRecordDocuments(viewer, 'material', account.material.id)),
      ]);
      return [...ids(onClient), ...ids(onMaterial)];
    },
    counted: async (viewer, account) =>
      (await orNothing(listRecordDocuments(viewer, 'client', account.client.id))).length,
    detail: (viewer, account) => findDownloadableDocument(viewer, account.document.id),
    files: [
      (viewer, { document }) =>
        asViewer(viewer, downloadDocument, `/documents/${document.id}`, { id: document.id }),
      (viewer, { materialFile }) =>
        asViewer(viewer, downloadDocument, `/documents/${materialFile.id}`, {
          id: materialFile.id,
        }),
    ],
    texts: [],
    actions: ({ client, document }) => [
      action('delete', deleteDocumentCommand, { fileId: document.fileId }),
      action('purge', purgeDocumentCommand, { fileId: document.fileId }),
      uploadCase('upload a new version', {
        recordKind: 'client',
        recordId: client.id,
        replacesFileId: document.fileId,
      }),
    ],
  },
  meetings: {
    id: (account) => account.meeting.id,
    listed: async (viewer, account) => {
      const [calendar, today, panel] = await Promise.all([
        calendarMeetings(viewer, account),
        meetingsForUserOnDay(viewer, daysFromToday(1)),
        listClientMeetings(viewer, account.client.id).catch((error: unknown) => {
          if (isNotFound(error)) return { upcoming: [], past: [] };
          throw error;
        }),
      ]);
      return [...ids(calendar), ...ids(today), ...ids(panel.upcoming)];
    },
    // The calendar has no totals: what it counts is the meetings it shows the viewer.
    counted: async (viewer, account) => (await calendarMeetings(viewer, account)).length,
    detail: (viewer, account) => getMeeting(viewer, account.meeting.id),
    files: [
      (viewer, { meeting }) =>
        asViewer(viewer, meetingIcs, `/meetings/${meeting.id}/ics`, { id: meeting.id }),
    ],
    texts: [
      (viewer, { feedTokens }) => {
        const token = `${feedTokens.get(viewer.id)}.ics`;
        return asViewer(viewer, calendarFeed, `/calendar/feed/${token}`, { token }).then(textOf);
      },
    ],
    actions: ({ client, meeting, campaign, material }, outsider) => {
      const step = { meetingId: meeting.id, version: version(meeting) };
      return [
        action('update', updateMeetingCommand, {
          ...meetingInput(client.id, [outsider.id], { title: 'Moved review' }),
          ...step,
        }),
        action('move', moveMeetingCommand, {
          ...step,
          date: daysFromToday(2),
          startTime: '12:00',
          endTime: '13:00',
          timeZone: 'UTC',
        }),
        action('cancel', cancelMeetingCommand, step),
        action('complete', completeMeetingCommand, { ...step, outcomeNotes: 'Went well.' }),
        action('link to campaign', linkCampaignMeetingCommand, {
          campaignId: campaign.id,
          meetingId: meeting.id,
        }),
        action('attach a material', attachMaterialCommand, {
          materialId: material.id,
          targetKind: 'meeting',
          targetId: meeting.id,
        }),
        taskAbout('meeting', meeting.id),
      ];
    },
  },
  feedback: {
    id: (account) => account.feedback.id,
    listed: async (viewer, account) => {
      const [list, routed, panel] = await Promise.all([
        listFeedback(viewer, feedbackListSchema.parse({}), now()),
        listFeedbackRoutedToMe(viewer),
        orNothing(listClientFeedback(viewer, account.client.id)),
      ]);
      return [...ids(list.rows), ...ids(routed), ...ids(panel)];
    },
    counted: async (viewer) =>
      (await listFeedback(viewer, feedbackListSchema.parse({}), now())).total,
    detail: (viewer, account) => getFeedbackPage(viewer, account.feedback.id),
    files: [],
    texts: [],
    actions: ({ feedback }, outsider) => {
      const step = { id: feedback.id, version: version(feedback) };
      return [
        action('route', routeFeedbackCommand, { ...step, routedToId: outsider.id }),
        action('acknowledge', acknowledgeFeedbackCommand, step),
        action('resolve', resolveFeedbackCommand, { ...step, resolution: 'Fixed it.' }),
        taskAbout('feedback', feedback.id),
      ];
    },
  },
  materials: {
    id: (account) => account.material.id,
    listed: async (viewer, account) => {
      const [list, library, due, panel, onProposal] = await Promise.all([
        listMaterials(viewer, materialListSchema.parse({}), now()),
        searchMaterialLibrary(viewer, materialLibrarySchema.parse({})),
        listMyMaterialsDue(viewer, now()),
        listRecordMaterials(viewer, { clientId: account.client.id }),
        listAttachedMaterials(viewer, {
          kind: 'proposal',
          id: account.proposal.id,
          clientId: account.client.id,
        }),
      ]);
      return [
        ...ids(list.rows),
        ...ids(library.rows),
        ...ids(due),
        ...ids(panel),
        ...ids(onProposal.attached),
      ];
    },
    counted: async (viewer) =>
      (await listMaterials(viewer, materialListSchema.parse({}), now())).total,
    searchTerm: () => marker,
    detail: (viewer, account) => getMaterialPage(viewer, account.material.id),
    files: [],
    texts: [(viewer) => asViewer(viewer, exportMaterials, '/materials/export').then(textOf)],
    actions: ({ material, proposal }, outsider) => {
      const step = { id: material.id, version: version(material) };
      return [
        action('update', updateMaterialCommand, { ...step, title: 'Renamed', dueDate: '' }),
        action('assign', assignMaterialCommand, { ...step, assigneeId: outsider.id }),
        action('start', startMaterialCommand, step),
        action('submit', submitMaterialCommand, step),
        action('send back', sendBackMaterialCommand, { ...step, comment: 'Redo the chart.' }),
        action('approve', approveMaterialCommand, step),
        action('detach from proposal', detachMaterialCommand, {
          materialId: material.id,
          targetKind: 'proposal',
          targetId: proposal.id,
        }),
        action('bulk assign', bulkAssignMaterialsCommand, {
          selection: selectionOf(material),
          assigneeId: outsider.id,
        }),
        uploadCase('upload a file', { recordKind: 'material', recordId: material.id }),
      ];
    },
  },
  campaigns: {
    id: (account) => account.campaign.id,
    listed: async (viewer, account) => {
      const [list, panel, onDeal, onMeeting, filter, materialForm] = await Promise.all([
        listCampaigns(viewer, campaignListSchema.parse({})),
        orNothing(listClientCampaigns(viewer, account.client.id)),
        listDealCampaigns(viewer, account.deal.id),
        listMeetingCampaigns(viewer, account.meeting.id),
        findFilterCampaign(viewer, account.campaign.id),
        getNewMaterialOptions(viewer, { clientId: account.client.id }),
      ]);
      return [
        ...ids(list.rows),
        ...ids(panel),
        ...ids(onDeal),
        ...ids(onMeeting),
        ...present(filter),
        ...ids(materialForm.campaigns),
      ];
    },
    counted: async (viewer) => {
      const [list, totals] = await Promise.all([
        listCampaigns(viewer, campaignListSchema.parse({})),
        getCampaignBudgetTotals(viewer, campaignFiltersSchema.parse({})),
      ]);
      return list.total + totals.reduce((sum, total) => sum + total.campaigns, 0);
    },
    detail: (viewer, account) => getCampaignPage(viewer, account.campaign.id),
    files: [],
    texts: [(viewer) => asViewer(viewer, exportCampaigns, '/campaigns/export').then(textOf)],
    actions: ({ client, campaign, budgetEntry, deal, meeting }, outsider) => [
      action('update', updateCampaignCommand, {
        ...campaignForm(client.id, { name: 'Renamed Campaign' }),
        id: campaign.id,
        version: version(campaign),
      }),
      action('add budget entry', addBudgetEntryCommand, entryForm(campaign.id)),
      action('update budget entry', updateBudgetEntryCommand, {
        ...entryForm(campaign.id, { amount: '200.00' }),
        entryId: String(budgetEntry.id),
        version: version(budgetEntry),
      }),
      action('delete budget entry', deleteBudgetEntryCommand, {
        entryId: String(budgetEntry.id),
        version: version(budgetEntry),
      }),
      action('unlink deal', unlinkCampaignDealCommand, {
        campaignId: campaign.id,
        dealId: deal.id,
      }),
      action('unlink meeting', unlinkCampaignMeetingCommand, {
        campaignId: campaign.id,
        meetingId: meeting.id,
      }),
      action('bulk status', bulkSetCampaignStatusCommand, {
        selection: selectionOf(campaign),
        status: 'running',
      }),
      action('bulk reassign', bulkReassignCampaignCoordinatorCommand, {
        selection: selectionOf(campaign),
        coordinatorId: outsider.id,
      }),
      uploadCase('upload a file', { recordKind: 'campaign', recordId: campaign.id }),
    ],
  },
  reports: {
    id: (account) => account.reportRun.id,
    listed: async (viewer) => ids(await listReportRuns(viewer)),
    counted: async (viewer, account) =>
      (await listReportRuns(viewer)).length + (await reportedDeals(viewer, account)),
    detail: (viewer, account) => findVisibleReportRun(db, viewer, account.reportRun.id),
    files: [
      (viewer, { reportDocument }) =>
        asViewer(viewer, downloadDocument, `/documents/${reportDocument.id}`, {
          id: reportDocument.id,
        }),
      (viewer, { client }) =>
        getReportClientName(viewer, client.id).then((name) =>
          name === null ? new Response(null, { status: 404 }) : new Response(name),
        ),
    ],
    texts: [],
    actions: ({ reportDocument, reportRun }) => [
      action('delete its file', deleteDocumentCommand, { fileId: reportDocument.fileId }),
      uploadCase('upload a file', { recordKind: 'report', recordId: reportRun.id }),
    ],
  },
} satisfies Record<(typeof issueRecordTypes)[number], RecordType>;

/** Why an action was refused: its error code, or for a bulk action the one row's skip reason. */
function refusalOf(result: ActionResult<unknown>) {
  if (!result.ok) return result.code;
  const bulk = result.data as Partial<BulkResult>;
  if (bulk.changed !== 0 || bulk.skipped !== 1 || !bulk.reasons) return 'done';
  return Object.entries(bulk.reasons).find(([, count]) => count === 1)?.[0];
}

let account: AccountFixture;
let outsiders: CurrentUser[];
let insiders: CurrentUser[];
const viewerNames = new Map<string, string>();

beforeAll(async () => {
  await setVisibility('open');
  account = await createAccountWithEveryRecord();
  const { owner, coordinator, outsideCoordinator, outsideExecutive, manager } = account.people;
  outsiders = [outsideCoordinator, outsideExecutive];
  insiders = [coordinator, owner, manager];
  for (const [user, description] of [
    [outsideCoordinator, 'an outside coordinator'],
    [outsideExecutive, 'an outside executive'],
    [coordinator, 'the account coordinator'],
    [owner, 'the account owner'],
    [manager, 'a manager'],
  ] as const) {
    viewerNames.set(user.id, description);
  }
  await setVisibility('assigned');
});

it('has an entry for every record type the issue names', () => {
  expect(Object.keys(recordTypes).sort()).toEqual([...issueRecordTypes].sort());
});

const entries = Object.entries(recordTypes) as [string, RecordType][];

/** Who a check was for, in a failure's message. */
const who = (name: string, viewer: CurrentUser) => `${name} for ${viewerNames.get(viewer.id)}`;

/** Runs `check` for every outsider and every insider of `type` at once. */
function forEachViewer(
  type: RecordType,
  check: (viewer: CurrentUser, sees: boolean) => Promise<void>,
) {
  return Promise.all([
    ...outsiders.map((outsider) => check(outsider, false)),
    ...insidersSeeing(type).map((insider) => check(insider, true)),
  ]);
}

// Reads change nothing, so they run side by side; the actions below run one at a time.
describe.concurrent('reading under assigned visibility', () => {
  for (const [name, type] of entries) {
    it(`leaves ${name} out of the outsiders’ lists and counts, not the insiders’`, async () => {
      await forEachViewer(type, async (viewer, sees) => {
        const listed = await type.listed(viewer, account);
        expect(listed.includes(type.id(account)), who(name, viewer)).toBe(sees);
        expect((await type.counted(viewer, account)) > 0, who(name, viewer)).toBe(sees);
      });
    });

    it(`finds ${name} in the search palette for insiders only`, async () => {
      const term = type.searchTerm?.(account) ?? marker;
      await forEachViewer(type, async (viewer, sees) => {
        const hits = (await searchEverything(viewer, term)).flatMap((group) => ids(group.hits));
        // Types the palette does not search are never found, by insiders either.
        expect(hits.includes(type.id(account)), who(name, viewer)).toBe(
          sees && Boolean(type.searchTerm),
        );
      });
    });

    it(`answers not found for ${name} at the detail page, files and downloads of outsiders`, async () => {
      await forEachViewer(type, async (viewer, sees) => {
        expect(await answersNotFound(type.detail(viewer, account)), who(name, viewer)).toBe(!sees);
        for (const file of type.files) {
          expect(await answersNotFound(file(viewer, account)), who(name, viewer)).toBe(!sees);
        }
      });
    });

    // Contacts, proposals, documents, feedback and reports have no CSV or feed of their own.
    it.runIf(type.texts.length > 0)(
      `carries ${name} in no export or feed of the outsiders`,
      async () => {
        await forEachViewer(type, async (viewer, sees) => {
          for (const text of type.texts) {
            expect((await text(viewer, account)).includes(marker), who(name, viewer)).toBe(sees);
          }
        });
      },
    );
  }
});

describe.each(entries)('direct actions on %s', (name, type) => {
  it('refuses every one by an outsider as not found, changing no row', async () => {
    const before = await checksumOfAllTables();
    for (const outsider of outsiders) {
      for (const actionCase of type.actions(account, outsider)) {
        const label = `${actionCase.name}: ${who(name, outsider)}`;
        const result = await actionCase.run(outsider);
        // A role the matrix refuses outright is told so; anyone else learns nothing of the record.
        const expected = can(outsider, actionCase.permission) ? 'not_found' : 'forbidden';
        expect(refusalOf(result), label).toBe(expected);
        expect(await checksumOfAllTables(), label).toBe(before);
      }
    }
  });
});

/** Reports are filed per book: their insiders are the owner who filed it and the managers. */
function insidersSeeing(type: RecordType) {
  if (type === recordTypes.reports) return insiders.filter((user) => user.role !== 'coordinator');
  return insiders;
}
