import 'server-only';
import { and, arrayContains, asc, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { forbidden, notFound } from 'next/navigation';
import { db } from '@/db/client';
import {
  campaigns,
  clients,
  deals,
  documents,
  materials,
  materialStatusChanges,
  meetingMaterials,
  proposalMaterials,
  users,
} from '@/db/schema';
import { calendarDateIn } from '@/lib/format';
import {
  materialKindLabels,
  materialStatusLabels,
  materialTransitionsFrom,
  type MaterialAttachmentKind,
} from '@/lib/materials';
import type {
  MaterialLibraryParams,
  MaterialListParams,
  MaterialSort,
} from '@/lib/validation/materials';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { visibleCampaigns } from '@/server/campaigns/visibility';
import { visibleClients } from '@/server/clients/visibility';
import { copyCsv, csvDateTime, csvLabel, csvText } from '@/server/csv';
import { cappedCount, escapeLike } from '@/server/sql';
import { materialAssignees, materialListWhere, selectMaterialRows } from './list-query';
import { visibleMaterials } from './visibility';

function assertCanRead(viewer: CurrentUser) {
  if (!can(viewer, 'clients.read')) forbidden();
}

const sortColumns: Record<MaterialSort, PgColumn> = {
  title: materials.title,
  kind: materials.kind,
  client: clients.name,
  status: materials.status,
  assignee: materialAssignees.name,
  due: materials.dueDate,
  updatedAt: materials.updatedAt,
};

function orderOf(params: Pick<MaterialListParams, 'sort' | 'dir'>) {
  const column = sortColumns[params.sort];
  return params.dir === 'desc'
    ? [sql`${column} desc nulls last`, desc(materials.id)]
    : [sql`${column} asc nulls last`, asc(materials.id)];
}

/** A page of the materials list with a capped total; "overdue" is judged on the viewer's today. */
export async function listMaterials(viewer: CurrentUser, params: MaterialListParams, now: Date) {
  assertCanRead(viewer);
  const where = materialListWhere(
    await visibleMaterials(viewer),
    params,
    calendarDateIn(viewer.timeZone, now),
  );
  const [rows, counted] = await Promise.all([
    selectMaterialRows()
      .where(where)
      .orderBy(...orderOf(params))
      .limit(params.size)
      .offset((params.page - 1) * params.size),
    cappedCount(materials, where),
  ]);
  return { rows, ...counted };
}

export type MaterialListRow = Awaited<ReturnType<typeof listMaterials>>['rows'][number];

/** The materials export's header and columns; timestamps are in `timeZone`, which the header names. */
function materialCsvColumns(timeZone: string) {
  return {
    header: [
      'Title',
      'Kind',
      'Status',
      'Client',
      'Deal',
      'Campaign',
      'Assignee',
      'Due',
      'Tags',
      `Updated (${timeZone})`,
    ],
    columns: {
      title: csvText(materials.title),
      kind: csvLabel(materials.kind, materialKindLabels),
      status: csvLabel(materials.status, materialStatusLabels),
      clientName: csvText(clients.name),
      dealName: csvText(deals.name),
      campaignName: csvText(campaigns.name),
      assigneeName: csvText(materialAssignees.name),
      dueDate: csvText(materials.dueDate),
      tags: csvText(sql`array_to_string(${materials.tags}, ', ')`),
      updatedAt: csvDateTime(materials.updatedAt, timeZone),
    },
  };
}

/**
 * Every material matching the list's filters (or only the ticked `ids`), as a CSV body written by
 * PostgreSQL in the viewer's time zone.
 */
export async function materialsCsv(
  viewer: CurrentUser,
  params: Omit<MaterialListParams, 'page' | 'size'>,
  now: Date,
  ids?: string[],
) {
  assertCanRead(viewer);
  const where = and(
    materialListWhere(await visibleMaterials(viewer), params, calendarDateIn(viewer.timeZone, now)),
    ids ? inArray(materials.id, ids) : undefined,
  );
  const { header, columns } = materialCsvColumns(viewer.timeZone);
  const query = db
    .select(columns)
    .from(materials)
    .innerJoin(clients, eq(clients.id, materials.clientId))
    .leftJoin(deals, eq(deals.id, materials.dealId))
    // A material's campaign is on its own client, so it is visible whenever the material is.
    .leftJoin(campaigns, eq(campaigns.id, materials.campaignId))
    .leftJoin(materialAssignees, eq(materialAssignees.id, materials.assigneeId))
    .where(where)
    .orderBy(...orderOf(params));
  return copyCsv(header, query);
}

const requesters = alias(users, 'material_requesters');
const approvers = alias(users, 'material_approvers');

/** One material with what its page shows and what the viewer may do to it. */
export async function getMaterialPage(viewer: CurrentUser, id: string) {
  assertCanRead(viewer);
  const [material] = await db
    .select({
      id: materials.id,
      title: materials.title,
      kind: materials.kind,
      status: materials.status,
      brief: materials.brief,
      tags: materials.tags,
      dueDate: materials.dueDate,
      clientId: materials.clientId,
      clientName: clients.name,
      dealId: materials.dealId,
      dealName: deals.name,
      campaignId: materials.campaignId,
      campaignName: campaigns.name,
      requestedById: materials.requestedById,
      requestedByName: requesters.name,
      assigneeId: materials.assigneeId,
      assigneeName: materialAssignees.name,
      approvedByName: approvers.name,
      readyAt: materials.readyAt,
      createdAt: materials.createdAt,
      version: materials.version,
      fileCount: sql<number>`(select count(*)::int from ${documents} where ${documents.recordKind} = 'material' and ${documents.recordId} = ${materials.id} and ${documents.deletedAt} is null)`,
    })
    .from(materials)
    .innerJoin(clients, eq(clients.id, materials.clientId))
    .leftJoin(deals, eq(deals.id, materials.dealId))
    .leftJoin(campaigns, eq(campaigns.id, materials.campaignId))
    .leftJoin(materialAssignees, eq(materialAssignees.id, materials.assigneeId))
    .leftJoin(requesters, eq(requesters.id, materials.requestedById))
    .leftJoin(approvers, eq(approvers.id, materials.approvedById))
    .where(and(eq(materials.id, id), await visibleMaterials(viewer)))
    .limit(1);
  if (!material) notFound();
  const changedBy = alias(users, 'changed_by');
  const history = await db
    .select({
      id: materialStatusChanges.id,
      fromStatus: materialStatusChanges.fromStatus,
      toStatus: materialStatusChanges.toStatus,
      comment: materialStatusChanges.comment,
      changedByName: changedBy.name,
      changedAt: materialStatusChanges.changedAt,
    })
    .from(materialStatusChanges)
    .leftJoin(changedBy, eq(changedBy.id, materialStatusChanges.changedById))
    .where(eq(materialStatusChanges.materialId, material.id))
    .orderBy(desc(materialStatusChanges.changedAt), desc(materialStatusChanges.id));
  const campaignChoices = can(viewer, 'materials.write')
    ? await clientCampaigns(material.clientId)
    : [];
  const authors = { assigneeId: material.assigneeId, createdById: material.requestedById };
  return {
    material,
    history,
    campaigns: campaignChoices,
    transitions: materialTransitionsFrom(material.status),
    mayWrite: can(viewer, 'materials.write'),
    mayApprove: can(viewer, 'materials.approve', authors),
  };
}

export type MaterialPage = Awaited<ReturnType<typeof getMaterialPage>>;

const libraryPageSize = 24;

/**
 * The library: ready materials the viewer may see, matching kind, tag, client, the client's
 * industry and text in title or brief, newest first, each with its latest file for a thumbnail.
 */
export async function searchMaterialLibrary(viewer: CurrentUser, params: MaterialLibraryParams) {
  assertCanRead(viewer);
  const pattern = params.q ? `%${escapeLike(params.q)}%` : null;
  const where = and(
    eq(materials.status, 'ready'),
    await visibleMaterials(viewer),
    params.kind ? eq(materials.kind, params.kind) : undefined,
    params.tag ? arrayContains(materials.tags, [params.tag.toLowerCase()]) : undefined,
    params.client ? eq(materials.clientId, params.client) : undefined,
    params.industry
      ? inArray(
          materials.clientId,
          db.select({ id: clients.id }).from(clients).where(eq(clients.industry, params.industry)),
        )
      : undefined,
    pattern ? or(ilike(materials.title, pattern), ilike(materials.brief, pattern)) : undefined,
  );
  const latestFile = (column: string) =>
    sql<
      string | null
    >`(select ${sql.raw(`d.${column}`)} from documents d where d.record_kind = 'material' and d.record_id = ${materials.id} and d.deleted_at is null order by d.created_at desc, d.id desc limit 1)`;
  const latestImage = sql<
    string | null
  >`(select d.id from documents d where d.record_kind = 'material' and d.record_id = ${materials.id} and d.deleted_at is null and d.media_type like 'image/%' order by d.created_at desc, d.id desc limit 1)`;
  const [rows, counted] = await Promise.all([
    db
      .select({
        id: materials.id,
        title: materials.title,
        kind: materials.kind,
        tags: materials.tags,
        clientId: materials.clientId,
        clientName: clients.name,
        industry: clients.industry,
        readyAt: materials.readyAt,
        latestMediaType: latestFile('media_type'),
        thumbnailId: latestImage,
      })
      .from(materials)
      .innerJoin(clients, eq(clients.id, materials.clientId))
      .where(where)
      .orderBy(sql`${materials.readyAt} desc nulls last`, desc(materials.id))
      .limit(libraryPageSize)
      .offset((params.page - 1) * libraryPageSize),
    cappedCount(materials, where),
  ]);
  return { rows, ...counted, pageSize: libraryPageSize };
}

export type LibraryMaterial = Awaited<ReturnType<typeof searchMaterialLibrary>>['rows'][number];

export type MaterialRecord = { clientId: string } | { dealId: string } | { campaignId: string };

function ofRecord(record: MaterialRecord) {
  if ('dealId' in record) return eq(materials.dealId, record.dealId);
  if ('campaignId' in record) return eq(materials.campaignId, record.campaignId);
  return eq(materials.clientId, record.clientId);
}

/** The materials of a client, one of its deals or campaigns, newest first, for the record's panel. */
export async function listRecordMaterials(viewer: CurrentUser, record: MaterialRecord) {
  assertCanRead(viewer);
  return selectMaterialRows()
    .where(and(ofRecord(record), await visibleMaterials(viewer)))
    .orderBy(sql`${materials.updatedAt} desc nulls last`, desc(materials.id))
    .limit(20);
}

/** "My work": the viewer's open materials due within a week (overdue ones first). */
export async function listMyMaterialsDue(viewer: CurrentUser, now: Date) {
  assertCanRead(viewer);
  const today = calendarDateIn(viewer.timeZone, now);
  const weekAhead = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return selectMaterialRows()
    .where(
      and(
        eq(materials.assigneeId, viewer.id),
        inArray(materials.status, ['requested', 'in_progress']),
        sql`${materials.dueDate} <= ${weekAhead}`,
        await visibleMaterials(viewer),
      ),
    )
    .orderBy(asc(materials.dueDate), asc(materials.id))
    .limit(10);
}

const attachmentTables = {
  proposal: { table: proposalMaterials, target: proposalMaterials.proposalId },
  meeting: { table: meetingMaterials, target: meetingMaterials.meetingId },
} as const;

/**
 * The materials attached to a proposal or meeting the viewer sees, and the ready materials of the same client that could still be attached.
 */
export async function listAttachedMaterials(
  viewer: CurrentUser,
  target: { kind: MaterialAttachmentKind; id: string; clientId: string },
) {
  assertCanRead(viewer);
  const { table, target: targetColumn } = attachmentTables[target.kind];
  const visibility = await visibleMaterials(viewer);
  const [attached, candidates] = await Promise.all([
    db
      .select({
        id: materials.id,
        title: materials.title,
        kind: materials.kind,
        status: materials.status,
      })
      .from(table)
      .innerJoin(materials, eq(materials.id, table.materialId))
      .where(and(eq(targetColumn, target.id), visibility))
      .orderBy(asc(materials.title)),
    db
      .select({ id: materials.id, title: materials.title, kind: materials.kind })
      .from(materials)
      .leftJoin(table, and(eq(table.materialId, materials.id), eq(targetColumn, target.id)))
      .where(
        and(
          eq(materials.clientId, target.clientId),
          eq(materials.status, 'ready'),
          isNull(table.materialId),
          visibility,
        ),
      )
      .orderBy(asc(materials.title))
      .limit(100),
  ]);
  return { attached, candidates, mayAttach: can(viewer, 'materials.write') };
}

export type AttachedMaterials = Awaited<ReturnType<typeof listAttachedMaterials>>;

/** A client's campaigns, newest first, as a material's campaign choice offers them. */
function clientCampaigns(clientId: string) {
  return db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(eq(campaigns.clientId, clientId))
    .orderBy(sql`${campaigns.startDate} desc nulls last`, asc(campaigns.name))
    .limit(200);
}

/** What the "request a material" form offers: the chosen visible client, its deals and campaigns. */
export async function getNewMaterialOptions(
  viewer: CurrentUser,
  from: { clientId?: string; dealId?: string; campaignId?: string },
) {
  if (!can(viewer, 'materials.write')) forbidden();
  const visibility = await visibleClients(viewer);
  const [fromDeal] = from.dealId
    ? await db
        .select({ clientId: deals.clientId })
        .from(deals)
        .innerJoin(clients, eq(clients.id, deals.clientId))
        .where(and(eq(deals.id, from.dealId), visibility))
        .limit(1)
    : [];
  const clientId = fromDeal?.clientId ?? from.clientId;
  const [client] = clientId
    ? await db
        .select({ id: clients.id, name: clients.name })
        .from(clients)
        .where(and(eq(clients.id, clientId), visibility))
        .limit(1)
    : [];
  const [clientDeals, campaignChoices] = client
    ? await Promise.all([
        db
          .select({ id: deals.id, name: deals.name })
          .from(deals)
          .where(eq(deals.clientId, client.id))
          .orderBy(asc(deals.name))
          .limit(200),
        clientCampaigns(client.id),
      ])
    : [[], []];
  return {
    client: client ?? null,
    deals: clientDeals,
    dealId: fromDeal ? (from.dealId ?? null) : null,
    campaigns: campaignChoices,
    campaignId: campaignChoices.some((campaign) => campaign.id === from.campaignId)
      ? (from.campaignId ?? null)
      : null,
  };
}

/** The campaign the list is filtered by, as its filter shows it, when the viewer sees it. */
export async function findFilterCampaign(viewer: CurrentUser, campaignId: string) {
  assertCanRead(viewer);
  const [campaign] = await db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), await visibleCampaigns(viewer)))
    .limit(1);
  return campaign ?? null;
}

/** The library's filter choices: visible clients with ready materials, and the tags in use. */
export async function listLibraryFilterOptions(viewer: CurrentUser) {
  assertCanRead(viewer);
  const visibility = await visibleMaterials(viewer);
  const readyAndVisible = and(eq(materials.status, 'ready'), visibility);
  const [libraryClients, tagRows] = await Promise.all([
    db
      .selectDistinct({ id: clients.id, name: clients.name })
      .from(materials)
      .innerJoin(clients, eq(clients.id, materials.clientId))
      .where(readyAndVisible)
      .orderBy(asc(clients.name))
      .limit(200),
    db
      .selectDistinct({ tag: sql<string>`unnest(${materials.tags})` })
      .from(materials)
      .where(readyAndVisible)
      .orderBy(sql`1`)
      .limit(200),
  ]);
  return { clients: libraryClients, tags: tagRows.map((row) => row.tag) };
}
