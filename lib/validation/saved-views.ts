import { z } from 'zod';
import { userListSchema } from './admin';
import { campaignListSchema } from './campaigns';
import { clientListSchema, clientSortColumns } from './clients';
import { contractListSchema } from './contracts';
import { dealListSchema } from './deals';
import { invoiceListSchema } from './invoices';
import { materialListSchema } from './materials';
import { proposalListSchema } from './proposals';
import { savedViewLists, type SavedViewList } from '@/lib/saved-views';

type ListDefinition = {
  /** The list page's own URL schema: the only parameters a view may hold. */
  schema: z.ZodObject;
  /** The ids of the columns the list's table can hide (its `hide` parameter). */
  hideable: readonly string[];
  path: string;
};

/** Each list that keeps saved views, with the URL state its page understands. */
export const savedViewListDefinitions: Record<SavedViewList, ListDefinition> = {
  clients: {
    schema: clientListSchema,
    hideable: [
      'status',
      'industry',
      'tier',
      'owner',
      'coordinator',
      'annualValue',
      'lastActivityAt',
      'updatedAt',
    ],
    path: '/clients',
  },
  // The prospects page fixes the status and sorts by the next step unless told otherwise.
  prospects: {
    schema: clientListSchema
      .omit({ status: true })
      .extend({ sort: z.enum(clientSortColumns).catch('nextStepDate') }),
    hideable: [
      'industry',
      'fitScore',
      'source',
      'nextStep',
      'nextStepDate',
      'owner',
      'coordinator',
      'lastActivityAt',
    ],
    path: '/prospects',
  },
  deals: {
    schema: dealListSchema,
    hideable: [
      'client',
      'stage',
      'amount',
      'probability',
      'weighted',
      'expectedClose',
      'owner',
      'coordinator',
      'updatedAt',
    ],
    path: '/pipeline',
  },
  proposals: {
    schema: proposalListSchema,
    hideable: ['client', 'status', 'amount', 'author', 'reviewer', 'validUntil', 'updatedAt'],
    path: '/proposals',
  },
  users: {
    schema: userListSchema,
    hideable: ['email', 'role', 'active', 'lastSignInAt'],
    path: '/admin/users',
  },
  contracts: {
    schema: contractListSchema,
    hideable: ['status', 'client', 'owner', 'value', 'startDate', 'endDate', 'noticeDeadline'],
    path: '/contracts',
  },
  invoices: {
    schema: invoiceListSchema,
    hideable: ['client', 'issueDate', 'dueDate', 'total', 'balance', 'status'],
    path: '/invoices',
  },
  campaigns: {
    schema: campaignListSchema,
    hideable: [
      'client',
      'status',
      'owner',
      'coordinator',
      'startDate',
      'endDate',
      'planned',
      'committed',
      'spent',
      'remaining',
      'percentUsed',
    ],
    path: '/campaigns',
  },
  materials: {
    schema: materialListSchema,
    hideable: ['kind', 'client', 'status', 'assignee', 'due', 'tags', 'updatedAt'],
    path: '/materials',
  },
};

/** Parameters of the address that are not part of a view: where you are, and which view it is. */
const controlKeys = new Set(['page', 'view']);
const maxStateLength = 2000;

function serialise(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

const defaultsByList = new Map<SavedViewList, Record<string, unknown>>();
function defaultsOf(list: SavedViewList) {
  let defaults = defaultsByList.get(list);
  if (!defaults) {
    defaults = savedViewListDefinitions[list].schema.parse({}) as Record<string, unknown>;
    defaultsByList.set(list, defaults);
  }
  return defaults;
}

export type NormalisedListState = {
  /** The canonical query string: known parameters only, in a fixed order, defaults left out. */
  state: string;
  /** Parameters left out because the list does not know them, repeats them or refuses the value. */
  refused: string[];
};

/**
 * A list's URL state as a saved view holds it, checked against the list's own schema: anything
 * the page would ignore or replace is left out (and named in `refused`), so a stored view can only
 * ever hold what the list's own filters can set.
 */
export function normaliseListState(
  list: SavedViewList,
  query: URLSearchParams,
): NormalisedListState {
  const { schema, hideable } = savedViewListDefinitions[list];
  const shape = schema.shape as Record<string, z.ZodType>;
  const defaults = defaultsOf(list);
  const refused = new Set<string>();
  const values = new Map<string, string>();
  for (const key of new Set(query.keys())) {
    if (controlKeys.has(key)) continue;
    const [first = '', ...repeats] = query.getAll(key);
    const raw = first.trim();
    if (repeats.length > 0) refused.add(key);
    if (raw === '') continue;
    if (key === 'hide') {
      const ids = raw.split(',').filter(Boolean);
      if (ids.some((id) => !hideable.includes(id))) refused.add(key);
      const hidden = hideable.filter((id) => ids.includes(id));
      if (hidden.length > 0) values.set(key, hidden.join(','));
      continue;
    }
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (!field) {
      refused.add(key);
      continue;
    }
    const parsed = field.safeParse(raw);
    const value = parsed.success ? serialise(parsed.data) : '';
    // The list schemas replace a bad value by their default rather than fail: a value that does
    // not survive the round trip unchanged was refused.
    if (value !== raw) refused.add(key);
    else if (value !== serialise(defaults[key])) values.set(key, value);
  }
  const state = new URLSearchParams();
  for (const key of [...Object.keys(shape), 'hide']) {
    const value = values.get(key);
    if (value !== undefined) state.set(key, value);
  }
  return { state: state.toString(), refused: [...refused].map((key) => key.slice(0, 40)) };
}

/**
 * The tab an address opens (`view=<id>`; null is "All") and the list state it shows, normalised
 * the way a view stores it: the saved views strip compares the two to offer saving a change.
 */
export function openTab<T extends { id: string }>(
  list: SavedViewList,
  tabs: T[],
  query: URLSearchParams,
) {
  const viewId = query.get('view');
  return {
    active: tabs.find((tab) => tab.id === viewId) ?? null,
    current: normaliseListState(list, query).state,
  };
}

const list = z.enum(savedViewLists, { error: 'Choose a list.' });
const viewId = z.uuid('Choose a saved view.');
const name = z
  .string({ error: 'Enter a name.' })
  .trim()
  .min(1, 'Enter a name.')
  .max(60, 'Use at most 60 characters.');
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === 'on' || value === 'true');

/** The state a view is saved with: refused unless every parameter is one the list accepts. */
function withListState<T extends { list: SavedViewList; state: string }>(
  schema: z.ZodType<T, unknown>,
) {
  return schema
    .superRefine((input, context) => {
      const { refused } = normaliseListState(input.list, new URLSearchParams(input.state));
      if (refused.length > 0) {
        context.addIssue({
          code: 'custom',
          path: ['state'],
          message: `This list does not accept these settings: ${refused.join(', ')}. Clear them and save again.`,
        });
      }
    })
    .transform((input) => ({
      ...input,
      state: normaliseListState(input.list, new URLSearchParams(input.state)).state,
    }));
}

const state = z
  .string()
  .max(maxStateLength, 'This view holds too many settings to save.')
  .transform((value) => value.replace(/^\?/, ''));

export const createSavedViewSchema = withListState(
  z.object({ list, name, state, shared: checkbox }),
);

export const saveSavedViewStateSchema = withListState(z.object({ id: viewId, list, state }));

export const renameSavedViewSchema = z.object({ id: viewId, name });

export const shareSavedViewSchema = z.object({ id: viewId, shared: checkbox });

export const deleteSavedViewSchema = z.object({ id: viewId });

/** A user's default view of a list; no view means "All". */
export const setDefaultSavedViewSchema = z.object({
  list,
  id: z
    .string()
    .optional()
    .transform((value) => value || null)
    .pipe(viewId.nullable()),
});
