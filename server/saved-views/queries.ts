import 'server-only';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/db/client';
import { savedViewDefaults, savedViews, users } from '@/db/schema';
import { normaliseListState, savedViewListDefinitions } from '@/lib/validation/saved-views';
import type { SavedViewList } from '@/lib/saved-views';
import { can, type Permission } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';

/** The permission a list's page needs: a view of a list is only for those who may open it. */
export const savedViewListPermissions: Record<SavedViewList, Permission> = {
  clients: 'clients.read',
  prospects: 'clients.read',
  deals: 'clients.read',
  proposals: 'clients.read',
  users: 'users.manage',
  contracts: 'clients.read',
  invoices: 'clients.read',
  campaigns: 'clients.read',
  materials: 'clients.read',
};

export type SavedViewTab = {
  id: string;
  name: string;
  /** The view's query string, cleaned by the list's schema again as it is read. */
  state: string;
  href: string;
  shared: boolean;
  mine: boolean;
  ownerName: string;
  isDefault: boolean;
  canDelete: boolean;
};

/**
 * What the saved views strip shows whatever the address: which tab is open and what changed is
 * read from the address in the browser (`openTab`), so a list's layout can render the strip once
 * and in-app navigation within the list does not read the views again.
 */
export type SavedViewsBarData = {
  list: SavedViewList;
  tabs: SavedViewTab[];
  /** The list page's path, and the address of its "All" tab. */
  path: string;
  allHref: string;
  canShare: boolean;
};

function hrefOf(path: string, viewId: string, state: string) {
  return `${path}?${new URLSearchParams({ view: viewId })}${state ? `&${state}` : ''}`;
}

/**
 * The signed-in user's own views of a list and those shared with the team, own ones first. Read
 * once per request: a list's layout and its page both ask.
 */
export const listSavedViews = cache(async (viewer: CurrentUser, list: SavedViewList) => {
  if (!can(viewer, savedViewListPermissions[list])) forbidden();
  const { path } = savedViewListDefinitions[list];
  const rows = await db
    .select({
      id: savedViews.id,
      name: savedViews.name,
      state: savedViews.state,
      shared: savedViews.shared,
      ownerId: savedViews.ownerId,
      ownerName: users.name,
      isDefault: sql<boolean>`${savedViewDefaults.viewId} is not null`,
    })
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .leftJoin(
      savedViewDefaults,
      and(
        eq(savedViewDefaults.viewId, savedViews.id),
        eq(savedViewDefaults.userId, viewer.id),
        eq(savedViewDefaults.list, list),
      ),
    )
    .where(
      and(
        eq(savedViews.list, list),
        or(eq(savedViews.ownerId, viewer.id), eq(savedViews.shared, true)),
      ),
    )
    .orderBy(
      sql`${savedViews.ownerId} = ${viewer.id} desc`,
      asc(sql`lower(${savedViews.name})`),
      asc(savedViews.id),
    );
  return rows.map((row): SavedViewTab => {
    const mine = row.ownerId === viewer.id;
    const { state } = normaliseListState(list, new URLSearchParams(row.state));
    return {
      id: row.id,
      name: row.name,
      state,
      href: hrefOf(path, row.id, state),
      shared: row.shared,
      mine,
      ownerName: row.ownerName,
      isDefault: row.isDefault,
      canDelete: mine || (row.shared && can(viewer, 'savedViews.deleteShared')),
    };
  });
});

/**
 * A bare list address (no parameters at all) opens the user's default view of it, if they chose
 * one: it redirects there. Any parameter, even `view=all`, wins over the default.
 */
export async function openDefaultView(
  viewer: CurrentUser,
  list: SavedViewList,
  raw: Record<string, string>,
) {
  if (Object.keys(raw).length > 0) return;
  const preset = (await listSavedViews(viewer, list)).find((tab) => tab.isDefault);
  if (preset) redirect(preset.href);
}

/** The saved views strip of a list, the same for every address of it. */
export async function savedViewsBar(
  viewer: CurrentUser,
  list: SavedViewList,
): Promise<SavedViewsBarData> {
  const tabs = await listSavedViews(viewer, list);
  const { path } = savedViewListDefinitions[list];
  return {
    list,
    tabs,
    path,
    allHref: tabs.some((tab) => tab.isDefault) ? `${path}?view=all` : path,
    canShare: can(viewer, 'savedViews.share'),
  };
}
