import 'server-only';
import { and, asc, desc, eq, getTableColumns, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { forbidden, notFound } from 'next/navigation';
import { db } from '@/db/client';
import {
  budgetEntries,
  campaignDeals,
  campaignMeetings,
  campaigns,
  clients,
  deals,
  documents,
  invoiceLines,
  invoices,
  meetings,
} from '@/db/schema';
import { campaignStatusLabels } from '@/lib/campaigns';
import type { CampaignListParams } from '@/lib/validation/campaigns';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { findVisibleClients } from '@/server/clients/queries';
import { visibleClients } from '@/server/clients/visibility';
import { copyCsv, csvDateTime, csvLabel, csvMoney, csvText } from '@/server/csv';
import { cappedCount } from '@/server/sql';
import {
  campaignCoordinators,
  campaignExportQuery,
  campaignListQuery,
  campaignListWhere,
  campaignOwners,
} from './list-query';
import { visibleCampaigns } from './visibility';

// Campaigns are read by everyone who reads the client database (DESIGN.md §1).
function assertCanRead(viewer: CurrentUser) {
  if (!can(viewer, 'clients.read')) forbidden();
}

/** A page of the campaigns list, with a capped total. */
export async function listCampaigns(viewer: CurrentUser, params: CampaignListParams) {
  assertCanRead(viewer);
  const where = campaignListWhere(await visibleCampaigns(viewer), params);
  const [rows, counted] = await Promise.all([
    campaignListQuery(where, params)
      .limit(params.size)
      .offset((params.page - 1) * params.size),
    cappedCount(campaigns, where),
  ]);
  return { rows, ...counted };
}

export type CampaignListRow = Awaited<ReturnType<typeof listCampaigns>>['rows'][number];

/** The campaigns export's header and columns, the budget figures as budgetTotals gives them. */
function campaignCsvColumns(timeZone: string) {
  const used = sql`(${campaigns.committedCents} + ${campaigns.spentCents})`;
  const planned = campaigns.budgetPlannedCents;
  return {
    header: [
      'Name',
      'Client',
      'Status',
      'Start',
      'End',
      'Owner',
      'Coordinator',
      'Currency',
      'Planned',
      'Committed',
      'Spent',
      'Remaining',
      'Used (%)',
      `Updated (${timeZone})`,
    ],
    columns: {
      name: csvText(campaigns.name),
      clientName: csvText(clients.name),
      status: csvLabel(campaigns.status, campaignStatusLabels),
      startDate: csvText(campaigns.startDate),
      endDate: csvText(campaigns.endDate),
      ownerName: csvText(campaignOwners.name),
      coordinatorName: csvText(campaignCoordinators.name),
      currency: csvText(campaigns.currency),
      planned: csvMoney(planned),
      committed: csvMoney(campaigns.committedCents),
      spent: csvMoney(campaigns.spentCents),
      remaining: csvMoney(sql`${planned} - ${used}`),
      percentUsed: csvText(
        sql`case when ${planned} > 0 then floor(${used} * 100::numeric / ${planned}) end`,
      ),
      updatedAt: csvDateTime(campaigns.updatedAt, timeZone),
    },
  };
}

/**
 * Every campaign matching the list's filters (or only the ticked ones), with its budget figures,
 * as a CSV body written by PostgreSQL in the viewer's time zone.
 */
export async function campaignsCsv(
  viewer: CurrentUser,
  params: Omit<CampaignListParams, 'page' | 'size'>,
  ids?: string[],
) {
  assertCanRead(viewer);
  const where = and(
    campaignListWhere(await visibleCampaigns(viewer), params),
    ids ? inArray(campaigns.id, ids) : undefined,
  );
  const { header, columns } = campaignCsvColumns(viewer.timeZone);
  return copyCsv(header, campaignExportQuery(where, params, columns));
}

/** A campaign with what its page shows: "not found" unless the viewer may see its client. */
export async function getCampaignPage(viewer: CurrentUser, campaignId: string) {
  assertCanRead(viewer);
  const [campaign] = await db
    .select({
      ...getTableColumns(campaigns),
      clientName: clients.name,
      ownerName: campaignOwners.name,
      coordinatorName: campaignCoordinators.name,
    })
    .from(campaigns)
    .innerJoin(clients, eq(clients.id, campaigns.clientId))
    .leftJoin(campaignOwners, eq(campaignOwners.id, campaigns.ownerId))
    .leftJoin(campaignCoordinators, eq(campaignCoordinators.id, campaigns.coordinatorId))
    .where(and(eq(campaigns.id, campaignId), await visibleCampaigns(viewer)))
    .limit(1);
  if (!campaign) notFound();
  const linkedDealIds = db
    .select({ id: campaignDeals.dealId })
    .from(campaignDeals)
    .where(eq(campaignDeals.campaignId, campaign.id));
  const linkedMeetingIds = db
    .select({ id: campaignMeetings.meetingId })
    .from(campaignMeetings)
    .where(eq(campaignMeetings.campaignId, campaign.id));
  const [entries, linkedDeals, linkedMeetings, files, lines, dealOptions, meetingOptions] =
    await Promise.all([
      db
        .select({
          ...getTableColumns(budgetEntries),
          documentName: documents.name,
          invoiceId: invoices.id,
          invoiceNumber: invoices.number,
          invoiceLineDescription: invoiceLines.description,
        })
        .from(budgetEntries)
        .leftJoin(documents, eq(documents.id, budgetEntries.documentId))
        .leftJoin(invoiceLines, eq(invoiceLines.id, budgetEntries.invoiceLineId))
        .leftJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
        .where(eq(budgetEntries.campaignId, campaign.id))
        .orderBy(desc(budgetEntries.entryDate), desc(budgetEntries.id)),
      db
        .select({ id: deals.id, name: deals.name, stage: deals.stage })
        .from(deals)
        .where(inArray(deals.id, linkedDealIds))
        .orderBy(asc(deals.name)),
      db
        .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
        .from(meetings)
        .where(inArray(meetings.id, linkedMeetingIds))
        .orderBy(desc(meetings.startsAt)),
      db
        .select({ id: documents.id, name: documents.name, versionNumber: documents.versionNumber })
        .from(documents)
        .where(
          and(
            eq(documents.recordKind, 'campaign'),
            eq(documents.recordId, campaign.id),
            isNull(documents.deletedAt),
          ),
        )
        .orderBy(desc(documents.createdAt)),
      db
        .select({
          id: invoiceLines.id,
          description: invoiceLines.description,
          invoiceNumber: invoices.number,
          status: invoices.status,
        })
        .from(invoiceLines)
        .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
        .where(eq(invoices.clientId, campaign.clientId))
        .orderBy(desc(invoices.createdAt), asc(invoiceLines.position))
        .limit(200),
      db
        .select({ id: deals.id, name: deals.name })
        .from(deals)
        .where(and(eq(deals.clientId, campaign.clientId), notInArray(deals.id, linkedDealIds)))
        .orderBy(desc(deals.updatedAt))
        .limit(100),
      db
        .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
        .from(meetings)
        .where(
          and(eq(meetings.clientId, campaign.clientId), notInArray(meetings.id, linkedMeetingIds)),
        )
        .orderBy(desc(meetings.startsAt))
        .limit(100),
    ]);
  return {
    campaign,
    entries,
    linkedDeals,
    linkedMeetings,
    options: { files, lines, deals: dealOptions, meetings: meetingOptions },
  };
}

export type CampaignPage = Awaited<ReturnType<typeof getCampaignPage>>;
export type BudgetEntryRow = CampaignPage['entries'][number];
export type BudgetEntryOptions = Pick<CampaignPage['options'], 'files' | 'lines'>;

const panelColumns = {
  id: campaigns.id,
  name: campaigns.name,
  status: campaigns.status,
  currency: campaigns.currency,
  plannedCents: campaigns.budgetPlannedCents,
  committedCents: campaigns.committedCents,
  spentCents: campaigns.spentCents,
};

export type CampaignPanelRow = {
  id: string;
  name: string;
  status: (typeof campaigns.$inferSelect)['status'];
  currency: string;
  plannedCents: number;
  committedCents: number;
  spentCents: number;
};

/** The campaigns of a client for its page, newest first. */
export async function listClientCampaigns(
  viewer: CurrentUser,
  clientId: string,
): Promise<CampaignPanelRow[]> {
  assertCanRead(viewer);
  return db
    .select(panelColumns)
    .from(campaigns)
    .where(and(eq(campaigns.clientId, clientId), await visibleCampaigns(viewer)))
    .orderBy(desc(campaigns.updatedAt))
    .limit(50);
}

/** The campaigns a deal is linked to, for the deal's page. */
export async function listDealCampaigns(viewer: CurrentUser, dealId: string) {
  assertCanRead(viewer);
  return db
    .select(panelColumns)
    .from(campaigns)
    .innerJoin(campaignDeals, eq(campaignDeals.campaignId, campaigns.id))
    .where(and(eq(campaignDeals.dealId, dealId), await visibleCampaigns(viewer)))
    .orderBy(asc(campaigns.name));
}

/** The campaigns a meeting is linked to, for the meeting's page. */
export async function listMeetingCampaigns(viewer: CurrentUser, meetingId: string) {
  assertCanRead(viewer);
  return db
    .select(panelColumns)
    .from(campaigns)
    .innerJoin(campaignMeetings, eq(campaignMeetings.campaignId, campaigns.id))
    .where(and(eq(campaignMeetings.meetingId, meetingId), await visibleCampaigns(viewer)))
    .orderBy(asc(campaigns.name));
}

/** Clients a new campaign may be for, by name. */
export async function findClientsForCampaign(viewer: CurrentUser, query: string) {
  if (!can(viewer, 'campaigns.write')) forbidden();
  return query.trim() ? findVisibleClients(viewer, query, 20) : [];
}

/** The client a new campaign is for, with the defaults it gives the form, if the viewer sees it. */
export async function getClientForCampaign(viewer: CurrentUser, clientId: string) {
  if (!can(viewer, 'campaigns.write')) forbidden();
  const [client] = await db
    .select({
      id: clients.id,
      name: clients.name,
      currency: clients.currency,
      ownerId: clients.ownerId,
      coordinatorId: clients.coordinatorId,
    })
    .from(clients)
    .where(and(eq(clients.id, clientId), await visibleClients(viewer)));
  return client ?? null;
}
