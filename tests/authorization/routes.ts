import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { proposals } from '@/db/schema';
import type { Permission } from '@/server/auth/permissions';
import { createCalendarFeedCommand } from '@/server/meetings/feed';
import { attachMaterialCommand } from '@/server/materials/commands';
import { sendProposalCommand } from '@/server/proposals/commands/sending';
import { createContractRecord } from '../support/contract-factories';
import { pdfBytes } from '../support/document-factories';
import { draftInvoice } from '../support/invoice-factories';
import { scheduleMeeting } from '../support/meeting-factories';
import { createProposal } from '../support/proposal-factories';
import { materialOf } from './actions/work';
import { accountOwnedBy, fileOn, setUp, type World } from './world';

/**
 * Who may get a route: signed-in users whose role has `permission` (anyone else 401, or 403/404
 * for a role the matrix refuses); whoever holds the secret token in the address, with or without
 * a session; a scraper with the metrics bearer token; or anyone at all.
 */
export type RouteAccess =
  { by: 'session'; permission: Permission } | { by: 'token' } | { by: 'bearer' } | { by: 'anyone' };

/** A request to a route: the address, the dynamic segments' values, and anything else it sends. */
export type RouteRequest = {
  path: string;
  params?: Record<string, string>;
  init?: { method: 'POST'; headers: Record<string, string>; body: Uint8Array<ArrayBuffer> };
};

type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export type RouteEntry = {
  serves: string;
  method: 'GET' | 'POST';
  access: RouteAccess;
  load: () => Promise<Record<string, unknown>>;
  /** The request that the route answers for those who may get it (the record made by `world`). */
  request: (world: World) => Promise<RouteRequest>;
  /** For a token route: the same request with a token nobody was given. */
  withWrongToken?: (world: World) => Promise<RouteRequest>;
};

/** The route module's handler for `method`. */
export async function handlerOf(entry: RouteEntry): Promise<Handler> {
  const handler = (await entry.load())[entry.method];
  if (typeof handler !== 'function') throw new Error(`the route exports no ${entry.method}`);
  return handler as Handler;
}

const get = (path: string, params?: Record<string, string>): RouteRequest => ({ path, params });

const signedIn = (permission: Permission): RouteAccess => ({ by: 'session', permission });

const colleague = (world: World) => world.otherCoordinator;

async function colleaguesAccount(world: World) {
  return accountOwnedBy(colleague(world).id);
}

const unknownToken = 'x'.repeat(43);

/** A sent proposal's share token and a material file attached to it. */
async function sharedMaterialFile(world: World) {
  const material = await materialOf({ status: 'ready', readyAt: new Date() });
  const file = await fileOn(world.otherManager, 'material', material.id);
  const proposal = await createProposal(db, {
    clientId: material.clientId,
    authorId: colleague(world).id,
  });
  await setUp(attachMaterialCommand, world.otherManager, {
    materialId: material.id,
    targetKind: 'proposal',
    targetId: proposal.id,
  });
  const [approved] = await db
    .update(proposals)
    .set({ status: 'approved', versionCount: 1 })
    .where(eq(proposals.id, proposal.id))
    .returning();
  const { shareToken } = await setUp(sendProposalCommand, world.otherManager, {
    id: proposal.id,
    version: String(approved?.version),
  });
  return { shareToken, documentId: file.id };
}

const exportRoute = (noun: string, path: string, load: RouteEntry['load']): RouteEntry => ({
  serves: `the ${noun} list's current filter as CSV`,
  method: 'GET',
  access: signedIn('clients.read'),
  load,
  request: async () => get(`/${path}/export`),
});

/** Every route handler in app/, by its file: the list the route matrix test runs. */
export const routeRegistry: Record<string, RouteEntry> = {
  'app/(portal)/campaigns/export/route.ts': exportRoute(
    'campaigns',
    'campaigns',
    () => import('@/app/(portal)/campaigns/export/route'),
  ),
  'app/(portal)/clients/export/route.ts': exportRoute(
    'clients',
    'clients',
    () => import('@/app/(portal)/clients/export/route'),
  ),
  'app/(portal)/contracts/export/route.ts': exportRoute(
    'contracts',
    'contracts',
    () => import('@/app/(portal)/contracts/export/route'),
  ),
  'app/(portal)/invoices/export/route.ts': exportRoute(
    'invoices',
    'invoices',
    () => import('@/app/(portal)/invoices/export/route'),
  ),
  'app/(portal)/materials/export/route.ts': exportRoute(
    'materials',
    'materials',
    () => import('@/app/(portal)/materials/export/route'),
  ),
  'app/(portal)/pipeline/export/route.ts': exportRoute(
    'deals',
    'pipeline',
    () => import('@/app/(portal)/pipeline/export/route'),
  ),
  'app/(portal)/contracts/[id]/pdf/route.ts': {
    serves: 'a contract as a PDF, to whoever sees its client',
    method: 'GET',
    access: signedIn('clients.read'),
    load: () => import('@/app/(portal)/contracts/[id]/pdf/route'),
    request: async (world) => {
      const contract = await createContractRecord((await colleaguesAccount(world)).id);
      return get(`/contracts/${contract.id}/pdf`, { id: contract.id });
    },
  },
  'app/(portal)/invoices/[id]/pdf/route.ts': {
    serves: 'an invoice as a PDF, to whoever sees its client',
    method: 'GET',
    access: signedIn('clients.read'),
    load: () => import('@/app/(portal)/invoices/[id]/pdf/route'),
    request: async (world) => {
      const invoice = await draftInvoice(colleague(world), (await colleaguesAccount(world)).id);
      return get(`/invoices/${invoice.id}/pdf`, { id: invoice.id });
    },
  },
  'app/(portal)/proposals/[id]/pdf/route.ts': {
    serves: 'a proposal as a PDF, to whoever sees its client',
    method: 'GET',
    access: signedIn('clients.read'),
    load: () => import('@/app/(portal)/proposals/[id]/pdf/route'),
    request: async (world) => {
      const proposal = await createProposal(db, {
        clientId: (await colleaguesAccount(world)).id,
        authorId: colleague(world).id,
      });
      return get(`/proposals/${proposal.id}/pdf`, { id: proposal.id });
    },
  },
  'app/(portal)/meetings/[id]/ics/route.ts': {
    serves: 'a meeting as an .ics file, to whoever sees its client',
    method: 'GET',
    access: signedIn('clients.read'),
    load: () => import('@/app/(portal)/meetings/[id]/ics/route'),
    request: async (world) => {
      const meeting = await scheduleMeeting(colleague(world), [colleague(world).id], {
        clientId: (await colleaguesAccount(world)).id,
        acknowledgeOverlap: true,
      });
      return get(`/meetings/${meeting.id}/ics`, { id: meeting.id });
    },
  },
  'app/(portal)/documents/[id]/route.ts': {
    serves: 'a file version, to whoever sees the record it is filed on',
    method: 'GET',
    access: signedIn('clients.read'),
    load: () => import('@/app/(portal)/documents/[id]/route'),
    request: async (world) => {
      const client = await colleaguesAccount(world);
      const file = await fileOn(colleague(world), 'client', client.id);
      return get(`/documents/${file.id}`, { id: file.id });
    },
  },
  'app/(portal)/documents/upload/route.ts': {
    serves: 'an upload streamed onto a record the user sees',
    method: 'POST',
    access: signedIn('documents.upload'),
    load: () => import('@/app/(portal)/documents/upload/route'),
    request: async (world) => {
      const client = await colleaguesAccount(world);
      return {
        path: `/documents/upload?recordKind=client&recordId=${client.id}`,
        init: {
          method: 'POST',
          headers: {
            origin: 'http://accord.test',
            host: 'accord.test',
            'x-file-name': 'brief.pdf',
            'content-length': String(pdfBytes.length),
          },
          body: new Uint8Array(pdfBytes),
        },
      };
    },
  },
  'app/(portal)/invoices/aging/csv/route.ts': {
    serves: 'the aging report as CSV, over the invoices the user sees',
    method: 'GET',
    access: signedIn('clients.read'),
    load: () => import('@/app/(portal)/invoices/aging/csv/route'),
    request: async () => get('/invoices/aging/csv'),
  },
  'app/(portal)/reports/[report]/csv/route.ts': {
    serves: "a report as CSV, at the viewer's scope",
    method: 'GET',
    access: signedIn('reports.own'),
    load: () => import('@/app/(portal)/reports/[report]/csv/route'),
    request: async () => get('/reports/pipeline/csv', { report: 'pipeline' }),
  },
  'app/(portal)/reports/[report]/pdf/route.ts': {
    serves: "a report as PDF, at the viewer's scope",
    method: 'GET',
    access: signedIn('reports.own'),
    load: () => import('@/app/(portal)/reports/[report]/pdf/route'),
    request: async () => get('/reports/pipeline/pdf', { report: 'pipeline' }),
  },
  'app/calendar/feed/[token]/route.ts': {
    serves: "a user's calendar subscription, to whoever holds its secret address",
    method: 'GET',
    access: { by: 'token' },
    load: () => import('@/app/calendar/feed/[token]/route'),
    request: async (world) => {
      const { path } = await setUp(createCalendarFeedCommand, colleague(world), {});
      return get(path, { token: path.split('/').at(-1) ?? '' });
    },
    withWrongToken: async () =>
      get(`/calendar/feed/${unknownToken}.ics`, { token: `${unknownToken}.ics` }),
  },
  'app/p/[token]/materials/[documentId]/route.ts': {
    serves: "a material attached to a shared proposal, to whoever holds the proposal's link",
    method: 'GET',
    access: { by: 'token' },
    load: () => import('@/app/p/[token]/materials/[documentId]/route'),
    request: async (world) => {
      const { shareToken, documentId } = await sharedMaterialFile(world);
      return get(`/p/${shareToken}/materials/${documentId}`, { token: shareToken, documentId });
    },
    withWrongToken: async (world) => {
      const { documentId } = await sharedMaterialFile(world);
      return get(`/p/${unknownToken}/materials/${documentId}`, {
        token: unknownToken,
        documentId,
      });
    },
  },
  'app/api/health/route.ts': {
    serves: "the database's and the job queue's health, for a load balancer",
    method: 'GET',
    access: { by: 'anyone' },
    load: () => import('@/app/api/health/route'),
    request: async () => get('/api/health'),
  },
  'app/api/metrics/route.ts': {
    serves: "Prometheus' scrape target",
    method: 'GET',
    access: { by: 'bearer' },
    load: () => import('@/app/api/metrics/route'),
    request: async () => get('/api/metrics'),
  },
  'app/api/auth/[...nextauth]/route.ts': {
    serves: "next-auth's own endpoints: sign-in, sign-out, the session",
    method: 'GET',
    access: { by: 'anyone' },
    load: () => import('@/app/api/auth/[...nextauth]/route'),
    request: async () => get('/api/auth/session', { nextauth: 'session' }),
  },
};
