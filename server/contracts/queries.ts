import 'server-only';
import {
  and,
  desc,
  eq,
  getTableColumns,
  gte,
  ilike,
  inArray,
  isNull,
  lte,
  or,
  type SQL,
} from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { forbidden, notFound } from 'next/navigation';
import { db } from '@/db/client';
import {
  clients,
  contractRenewals,
  contracts,
  deals,
  documents,
  proposals,
  users,
} from '@/db/schema';
import { addDays, contractStatusLabels } from '@/lib/contracts';
import type { ContractListParams, ContractSort } from '@/lib/validation/contracts';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { todayIn } from '@/server/proposals/merge-values';
import { copyCsv, csvDateTime, csvLabel, csvMoney, csvText } from '@/server/csv';
import { cappedCount, escapeLike, listOrder, onPage } from '@/server/sql';
import { visibleContracts } from './visibility';

const owners = alias(users, 'owners');
const coordinators = alias(users, 'coordinators');

function assertCanRead(viewer: CurrentUser) {
  if (!can(viewer, 'clients.read')) forbidden();
}

const sortColumns: Record<ContractSort, PgColumn> = {
  title: contracts.title,
  client: clients.name,
  owner: owners.name,
  status: contracts.status,
  value: contracts.valueCents,
  startDate: contracts.startDate,
  endDate: contracts.endDate,
  noticeDeadline: contracts.noticeDeadline,
  updatedAt: contracts.updatedAt,
};

/** The WHERE of the contracts list: the viewer's visibility, then the URL's filters. */
export function contractListWhere(
  visibility: SQL | undefined,
  params: Omit<ContractListParams, 'page' | 'size' | 'sort' | 'dir'>,
  today: string,
) {
  const filters: (SQL | undefined)[] = [visibility];
  if (params.status) filters.push(eq(contracts.status, params.status));
  if (params.client) filters.push(eq(contracts.clientId, params.client));
  if (params.notice) {
    // Only contracts still running can be given notice.
    filters.push(
      inArray(contracts.status, ['signed', 'active']),
      gte(contracts.noticeDeadline, today),
      lte(contracts.noticeDeadline, addDays(today, params.notice)),
    );
  }
  if (params.q) {
    const pattern = `%${escapeLike(params.q)}%`;
    filters.push(
      or(
        ilike(contracts.title, pattern),
        inArray(
          contracts.clientId,
          db.select({ id: clients.id }).from(clients).where(ilike(clients.name, pattern)),
        ),
      ),
    );
  }
  return and(...filters);
}

const contractRowColumns = {
  id: contracts.id,
  title: contracts.title,
  status: contracts.status,
  clientId: contracts.clientId,
  clientName: clients.name,
  ownerName: owners.name,
  valueCents: contracts.valueCents,
  currency: contracts.currency,
  startDate: contracts.startDate,
  endDate: contracts.endDate,
  noticeDeadline: contracts.noticeDeadline,
  updatedAt: contracts.updatedAt,
};

function contractOrder(params: Pick<ContractListParams, 'sort' | 'dir'>) {
  return listOrder(sortColumns[params.sort], contracts.id, params.dir);
}

/** The contracts list in its order for a WHERE built by contractListWhere: a page, or an export. */
export function contractListQuery(
  where: SQL | undefined,
  params: Pick<ContractListParams, 'sort' | 'dir'>,
) {
  return db
    .select(contractRowColumns)
    .from(contracts)
    .innerJoin(clients, eq(clients.id, contracts.clientId))
    .leftJoin(owners, eq(owners.id, clients.ownerId))
    .where(where)
    .orderBy(...contractOrder(params));
}

/** The same query with an export's columns, computed in SQL from the same joins. */
function contractExportQuery(
  where: SQL | undefined,
  params: Pick<ContractListParams, 'sort' | 'dir'>,
  columns: Record<string, SQL>,
) {
  return db
    .select(columns)
    .from(contracts)
    .innerJoin(clients, eq(clients.id, contracts.clientId))
    .leftJoin(owners, eq(owners.id, clients.ownerId))
    .where(where)
    .orderBy(...contractOrder(params));
}

/** The page query of the contracts list for a WHERE built by contractListWhere. */
export function contractPageQuery(where: SQL | undefined, params: ContractListParams) {
  let ids = db.select({ id: contracts.id }).from(contracts).$dynamic();
  // Joined only to sort by those names: an unused join keeps PostgreSQL off the index alone.
  if (params.sort === 'client' || params.sort === 'owner') {
    ids = ids.innerJoin(clients, eq(clients.id, contracts.clientId));
  }
  if (params.sort === 'owner') ids = ids.leftJoin(owners, eq(owners.id, clients.ownerId));
  return contractListQuery(
    onPage(contracts.id, ids.where(where).orderBy(...contractOrder(params)), params),
    params,
  );
}

/** A page of the contracts list with a capped total. */
export async function listContracts(viewer: CurrentUser, params: ContractListParams) {
  assertCanRead(viewer);
  const where = contractListWhere(await visibleContracts(viewer), params, todayIn(viewer.timeZone));
  const [rows, counted] = await Promise.all([
    contractPageQuery(where, params),
    cappedCount(contracts, where),
  ]);
  return { rows, ...counted };
}

/** The contracts export's header and columns; timestamps are in `timeZone`, which the header names. */
function contractCsvColumns(timeZone: string) {
  return {
    header: [
      'Title',
      'Client',
      'Status',
      'Owner',
      'Currency',
      'Value',
      'Start date',
      'End date',
      'Notice deadline',
      `Updated (${timeZone})`,
    ],
    columns: {
      title: csvText(contracts.title),
      clientName: csvText(clients.name),
      status: csvLabel(contracts.status, contractStatusLabels),
      ownerName: csvText(owners.name),
      currency: csvText(contracts.currency),
      value: csvMoney(contracts.valueCents),
      startDate: csvText(contracts.startDate),
      endDate: csvText(contracts.endDate),
      noticeDeadline: csvText(contracts.noticeDeadline),
      updatedAt: csvDateTime(contracts.updatedAt, timeZone),
    },
  };
}

/** Every contract matching the list's filters and search, in its order, as a CSV body in the viewer's time zone. */
export async function contractsCsv(
  viewer: CurrentUser,
  params: Omit<ContractListParams, 'page' | 'size'>,
) {
  assertCanRead(viewer);
  const where = contractListWhere(await visibleContracts(viewer), params, todayIn(viewer.timeZone));
  const { header, columns } = contractCsvColumns(viewer.timeZone);
  return copyCsv(header, contractExportQuery(where, params, columns));
}

export type ContractListRow = Awaited<ReturnType<typeof listContracts>>['rows'][number];

/** A contract with what its page shows: "not found" unless the viewer may see its client. */
export async function getContractPage(viewer: CurrentUser, contractId: string) {
  assertCanRead(viewer);
  const signers = alias(users, 'signers');
  const [contract] = await db
    .select({
      ...getTableColumns(contracts),
      clientName: clients.name,
      ownerId: clients.ownerId,
      ownerName: owners.name,
      coordinatorName: coordinators.name,
      proposalTitle: proposals.title,
      signedByName: signers.name,
      signedDocumentName: documents.name,
    })
    .from(contracts)
    .innerJoin(clients, eq(clients.id, contracts.clientId))
    .leftJoin(owners, eq(owners.id, clients.ownerId))
    .leftJoin(coordinators, eq(coordinators.id, clients.coordinatorId))
    .leftJoin(proposals, eq(proposals.id, contracts.proposalId))
    .leftJoin(signers, eq(signers.id, contracts.signedById))
    .leftJoin(documents, eq(documents.id, contracts.signedDocumentId))
    .where(and(eq(contracts.id, contractId), await visibleContracts(viewer)))
    .limit(1);
  if (!contract) notFound();
  const renewedBy = alias(users, 'renewed_by');
  const renewals = await db
    .select({
      id: contractRenewals.id,
      previousEndDate: contractRenewals.previousEndDate,
      newEndDate: contractRenewals.newEndDate,
      renewedByName: renewedBy.name,
      dealId: contractRenewals.dealId,
      dealName: deals.name,
      createdAt: contractRenewals.createdAt,
    })
    .from(contractRenewals)
    .leftJoin(renewedBy, eq(renewedBy.id, contractRenewals.renewedById))
    .leftJoin(deals, eq(deals.id, contractRenewals.dealId))
    .where(eq(contractRenewals.contractId, contract.id))
    .orderBy(desc(contractRenewals.createdAt));
  return {
    contract,
    renewals,
    canSign: can(viewer, 'contracts.sign', { ownerId: contract.ownerId }),
  };
}

export type ContractPage = Awaited<ReturnType<typeof getContractPage>>;

/** The contracts of a client for its page, newest first. */
export async function listClientContracts(viewer: CurrentUser, clientId: string) {
  assertCanRead(viewer);
  return db
    .select({
      id: contracts.id,
      title: contracts.title,
      status: contracts.status,
      valueCents: contracts.valueCents,
      currency: contracts.currency,
      endDate: contracts.endDate,
    })
    .from(contracts)
    .where(and(eq(contracts.clientId, clientId), await visibleContracts(viewer)))
    .orderBy(desc(contracts.updatedAt))
    .limit(50);
}

/** The contracts drafted from a proposal, for its page. */
export async function listProposalContracts(viewer: CurrentUser, proposalId: string) {
  assertCanRead(viewer);
  return db
    .select({ id: contracts.id, title: contracts.title, status: contracts.status })
    .from(contracts)
    .where(and(eq(contracts.proposalId, proposalId), await visibleContracts(viewer)))
    .orderBy(desc(contracts.createdAt));
}

/** The files of a visible contract that can be named as its signed copy, newest first. */
export async function listSignedCopyOptions(viewer: CurrentUser, contractId: string) {
  assertCanRead(viewer);
  const visibleContract = db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.id, contractId), await visibleContracts(viewer)));
  return db
    .select({ id: documents.id, name: documents.name, versionNumber: documents.versionNumber })
    .from(documents)
    .where(
      and(
        eq(documents.recordKind, 'contract'),
        inArray(documents.recordId, visibleContract),
        isNull(documents.deletedAt),
      ),
    )
    .orderBy(desc(documents.createdAt));
}
