import 'server-only';
import { and, count, eq, ne, or } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { savedViewDefaults, savedViews } from '@/db/schema';
import {
  createSavedViewSchema,
  deleteSavedViewSchema,
  renameSavedViewSchema,
  saveSavedViewStateSchema,
  setDefaultSavedViewSchema,
  shareSavedViewSchema,
} from '@/lib/validation/saved-views';
import type { SavedViewList } from '@/lib/saved-views';
import { defineAction, type ActionContext } from '@/server/action';
import { can } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { conflict, forbidden, isUniqueViolation, notFound } from '@/server/errors';
import { lockVisibleRecord } from '@/server/lock-record';
import { savedViewListPermissions } from './queries';

/** A strip of tabs stays readable; past this many views of one list, delete one first. */
export const maxViewsPerList = 30;

const duplicateName = () =>
  conflict('Check the highlighted fields.', {
    name: ['You already have a view with this name on this list.'],
  });

function assertCanOpen(user: CurrentUser, list: SavedViewList) {
  if (!can(user, savedViewListPermissions[list])) {
    throw forbidden();
  }
}

/** A view the user can see (their own, or shared), locked for the change; others' private ones are "not found". */
async function lockVisibleView(tx: Transaction, user: CurrentUser, id: string) {
  const visibility = or(eq(savedViews.ownerId, user.id), eq(savedViews.shared, true));
  const view = await lockVisibleRecord(tx, savedViews, 'saved view', { id, visibility });
  assertCanOpen(user, view.list);
  return view;
}

async function lockOwnView(tx: Transaction, user: CurrentUser, id: string) {
  const view = await lockVisibleView(tx, user, id);
  if (view.ownerId !== user.id) throw forbidden('Only its owner can change this view.');
  return view;
}

function snapshot(view: { list: string; name: string; state: string; shared: boolean }) {
  return { list: view.list, name: view.name, state: view.state, shared: view.shared };
}

async function auditUpdate(
  audit: ActionContext['audit'],
  before: typeof savedViews.$inferSelect,
  after: typeof savedViews.$inferSelect,
) {
  await audit({
    action: 'saved_view.updated',
    entityType: 'saved_view',
    entityId: before.id,
    before: snapshot(before),
    after: snapshot(after),
  });
}

async function writeOrDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

/** Changes one's own view (locked, then `check`ed) and audits the change; returns the view after it. */
async function updateOwnView(
  { tx, user, audit }: ActionContext,
  id: string,
  values: Partial<Pick<typeof savedViews.$inferInsert, 'name' | 'state' | 'shared'>>,
  check?: (view: typeof savedViews.$inferSelect) => void,
) {
  const before = await lockOwnView(tx, user, id);
  check?.(before);
  const [after] = await writeOrDuplicate(() =>
    tx.update(savedViews).set(values).where(eq(savedViews.id, before.id)).returning(),
  );
  if (!after) throw notFound('saved view');
  await auditUpdate(audit, before, after);
  return after;
}

/** Saves the list's current URL state as a new view of the signed-in user, private or shared. */
export const createSavedViewCommand = defineAction({
  schema: createSavedViewSchema,
  permission: 'savedViews.own',
  async run(input, { tx, user, audit }) {
    assertCanOpen(user, input.list);
    if (input.shared && !can(user, 'savedViews.share')) {
      throw forbidden('You do not have permission to share a view.');
    }
    const [existing] = await tx
      .select({ n: count() })
      .from(savedViews)
      .where(and(eq(savedViews.ownerId, user.id), eq(savedViews.list, input.list)));
    if ((existing?.n ?? 0) >= maxViewsPerList) {
      throw conflict(`You can keep up to ${maxViewsPerList} views of a list. Delete one first.`);
    }
    const [view] = await writeOrDuplicate(() =>
      tx
        .insert(savedViews)
        .values({
          ownerId: user.id,
          list: input.list,
          name: input.name,
          state: input.state,
          shared: input.shared,
        })
        .returning(),
    );
    if (!view) throw new Error('saved view not created');
    await audit({
      action: 'saved_view.created',
      entityType: 'saved_view',
      entityId: view.id,
      after: snapshot(view),
    });
    return { id: view.id, list: view.list, state: view.state };
  },
});

/** "Save": replaces one's own view's state with the list's current one. */
export const saveSavedViewStateCommand = defineAction({
  schema: saveSavedViewStateSchema,
  permission: 'savedViews.own',
  async run(input, context) {
    const after = await updateOwnView(context, input.id, { state: input.state }, (view) => {
      if (view.list !== input.list) throw notFound('saved view');
    });
    return { id: after.id, list: after.list, state: after.state };
  },
});

export const renameSavedViewCommand = defineAction({
  schema: renameSavedViewSchema,
  permission: 'savedViews.own',
  async run(input, context) {
    const after = await updateOwnView(context, input.id, { name: input.name });
    return { id: after.id, name: after.name };
  },
});

/** Shares one's own view with the team, or takes it back (then it is no one else's default). */
export const shareSavedViewCommand = defineAction({
  schema: shareSavedViewSchema,
  permission: 'savedViews.share',
  async run(input, context) {
    const { tx, user } = context;
    const after = await updateOwnView(context, input.id, { shared: input.shared });
    if (!after.shared) {
      await tx
        .delete(savedViewDefaults)
        .where(and(eq(savedViewDefaults.viewId, after.id), ne(savedViewDefaults.userId, user.id)));
    }
    return { id: after.id, shared: after.shared };
  },
});

/** Deletes one's own view; a manager may also delete a view someone else shared. */
export const deleteSavedViewCommand = defineAction({
  schema: deleteSavedViewSchema,
  permission: 'savedViews.own',
  async run(input, { tx, user, audit }) {
    const view = await lockVisibleView(tx, user, input.id);
    if (view.ownerId !== user.id && !can(user, 'savedViews.deleteShared')) {
      throw forbidden('Only its owner or a manager can delete a shared view.');
    }
    await tx.delete(savedViews).where(eq(savedViews.id, view.id));
    await audit({
      action: 'saved_view.deleted',
      entityType: 'saved_view',
      entityId: view.id,
      before: { ...snapshot(view), ownerId: view.ownerId },
    });
    return { id: view.id, list: view.list };
  },
});

// A default is the user's own bookkeeping, like read state: no audit entry.
/** Chooses the view a list opens with for the signed-in user; no view means "All". */
export const setDefaultSavedViewCommand = defineAction({
  schema: setDefaultSavedViewSchema,
  permission: 'savedViews.own',
  async run(input, { tx, user }) {
    assertCanOpen(user, input.list);
    if (!input.id) {
      await tx
        .delete(savedViewDefaults)
        .where(and(eq(savedViewDefaults.userId, user.id), eq(savedViewDefaults.list, input.list)));
      return { list: input.list, id: null };
    }
    const view = await lockVisibleView(tx, user, input.id);
    if (view.list !== input.list) throw notFound('saved view');
    await tx
      .insert(savedViewDefaults)
      .values({ userId: user.id, list: input.list, viewId: view.id })
      .onConflictDoUpdate({
        target: [savedViewDefaults.userId, savedViewDefaults.list],
        set: { viewId: view.id, updatedAt: new Date() },
      });
    return { list: input.list, id: view.id };
  },
});
