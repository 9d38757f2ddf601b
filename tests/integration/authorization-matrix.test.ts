import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ActionResult } from '@/lib/action-result';
import { roles, type Role } from '@/lib/roles';
import { can, permissionMatrix } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { checksumOfAllTables } from '../authorization/checksum';
import { actionRegistry } from '../authorization/registry';
import {
  handlerOf,
  routeRegistry,
  type RouteEntry,
  type RouteRequest,
} from '../authorization/routes';
import { createWorld, type World } from '../authorization/world';
import { setVisibility } from '../support/client-factories';
import { createActor, createUser } from '../support/factories';
import {
  encodeSessionCookie,
  sessionCookieName,
  sessionTestSecret,
} from '../support/session-cookie';

// Each action × role × record, called directly, must get exactly what `can()` over the matrix
// says; a refused call must leave every row of every table as it was. Each route handler, called
// with each role's session cookie and with none, must answer as its access rule says.

process.env.AUTH_SECRET = sessionTestSecret;

// The request's cookies, as next/headers gives them to a route handler.
const jar = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock('next/headers', async (original) => ({
  ...(await original<typeof import('next/headers')>()),
  cookies: async () => ({
    get: (name: string) =>
      name === sessionCookieName && jar.token ? { name, value: jar.token } : undefined,
    has: (name: string) => name === sessionCookieName && jar.token !== undefined,
  }),
}));

const metricsToken = 'metrics-token-for-the-authorization-matrix';

let world: World;
const actors = {} as Record<Role, CurrentUser>;
const sessionUsers = {} as Record<Role, Awaited<ReturnType<typeof createUser>>>;
const figures = { actions: 0, calls: 0, allowed: 0, refused: 0, routes: 0, requests: 0 };

beforeAll(async () => {
  await setVisibility('open');
  world = await createWorld();
  for (const role of roles) {
    actors[role] = await createActor(role);
    sessionUsers[role] = await createUser({ role });
  }
});

afterAll(() => {
  console.info(
    `authorization matrix: ${figures.actions} actions × ${roles.length} roles, ${figures.calls} calls (${figures.allowed} allowed, ${figures.refused} refused with no row changed); ${figures.routes} routes × ${roles.length} roles and signed out, ${figures.requests} requests`,
  );
});

type Summary = { changed: number; reasons: { forbidden: number; not_found: number } };

/** A bulk action's answer: it reports a refused record as skipped, not as a failure. */
function bulkSummaryOf(data: unknown): Summary | null {
  return typeof data === 'object' && data !== null && 'changed' in data && 'reasons' in data
    ? (data as Summary)
    : null;
}

/** What happened to the call: allowed, refused for permission, or failed for another reason. */
function outcomeOf(result: ActionResult<unknown>) {
  if (!result.ok) {
    return result.code === 'forbidden' || result.code === 'not_found'
      ? 'refused'
      : `failed: ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`;
  }
  const summary = bulkSummaryOf(result.data);
  if (!summary || summary.changed > 0) return 'allowed';
  return summary.reasons.forbidden + summary.reasons.not_found > 0
    ? 'refused'
    : `failed: nothing changed (${JSON.stringify(summary)})`;
}

describe.each(Object.entries(actionRegistry))('%s', (_name, entry) => {
  const expectations = new Map<Role, boolean[]>();
  beforeAll(() => {
    figures.actions += 1;
  });

  const cases = roles.flatMap((role) =>
    Object.entries(entry.fixtures).map(([label, build]) => ({ role, label, build })),
  );
  it.each(cases)('as $role on $label', async ({ role, build }) => {
    const actor = actors[role];
    const fixture = await build(actor, world);
    const judgedBy = fixture.judgedBy ?? entry.condition?.permission ?? entry.permission;
    const allowed =
      can(actor, entry.permission) && (!fixture.record || can(actor, judgedBy, fixture.record));
    expectations.set(role, [...(expectations.get(role) ?? []), allowed]);
    const before = allowed ? null : await checksumOfAllTables();
    const result = await entry.execute(actor, fixture.input);
    figures.calls += 1;
    expect(outcomeOf(result)).toBe(allowed ? 'allowed' : 'refused');
    if (before !== null) {
      expect(await checksumOfAllTables()).toBe(before);
      figures.refused += 1;
    } else {
      figures.allowed += 1;
    }
  });

  if (entry.condition) {
    const { permission } = entry.condition;
    it(`has records on both sides of ${permission}, for every role it is conditional for`, () => {
      const conditional = roles.filter((role) => Array.isArray(permissionMatrix[permission][role]));
      const twoSided = roles.filter((role) => new Set(expectations.get(role)).size === 2);
      expect(twoSided.length).toBeGreaterThan(0);
      expect(twoSided).toEqual(expect.arrayContaining(conditional));
    });
  }
});

type Viewer = Role | 'signed out';
const viewers: Viewer[] = [...roles, 'signed out'];

/** What a route must answer `viewer`: by its access rule and, for a session route, the matrix. */
function expectedAnswer(route: RouteEntry, viewer: Viewer, bearer: boolean) {
  switch (route.access.by) {
    case 'session':
      if (viewer === 'signed out') return 'signed out';
      return can(sessionUsers[viewer], route.access.permission) ? 'allowed' : 'refused';
    case 'bearer':
      return bearer ? 'allowed' : 'signed out';
    default:
      return 'allowed';
  }
}

function answerOf(response: Response) {
  if (response.ok) return 'allowed';
  if (response.status === 401) return 'signed out';
  return response.status === 403 || response.status === 404
    ? 'refused'
    : `status ${response.status}`;
}

/** Calls the route's handler as `viewer`, the way Next would: the request, its segments, the cookie. */
async function request(route: RouteEntry, viewer: Viewer, made: RouteRequest, bearer = false) {
  jar.token = viewer === 'signed out' ? undefined : await encodeSessionCookie(sessionUsers[viewer]);
  const headers = new Headers(made.init?.headers);
  if (jar.token) headers.set('cookie', `${sessionCookieName}=${jar.token}`);
  if (bearer) headers.set('authorization', `Bearer ${metricsToken}`);
  const handler = await handlerOf(route);
  const response = await handler(
    new NextRequest(`http://accord.test${made.path}`, {
      method: made.init?.method,
      body: made.init?.body,
      headers,
    }),
    { params: Promise.resolve(made.params ?? {}) },
  );
  await response.arrayBuffer();
  figures.requests += 1;
  return response;
}

describe.each(Object.entries(routeRegistry))('route %s', (_file, route) => {
  // One record per route, asked for by every viewer: reading it changes nothing.
  let made: RouteRequest;
  beforeAll(async () => {
    figures.routes += 1;
    process.env.METRICS_TOKEN = metricsToken;
    made = await route.request(world);
  });
  afterAll(() => {
    delete process.env.METRICS_TOKEN;
  });

  it.each(viewers)('answers %s as its access rule says', async (viewer) => {
    expect(answerOf(await request(route, viewer, made))).toBe(expectedAnswer(route, viewer, false));
  });

  if (route.access.by === 'bearer') {
    it.each(viewers)('answers %s holding the bearer token', async (viewer) => {
      expect(answerOf(await request(route, viewer, made, true))).toBe('allowed');
    });
  }

  const { withWrongToken } = route;
  if (withWrongToken) {
    it.each(viewers)('refuses %s a token nobody was given', async (viewer) => {
      expect(answerOf(await request(route, viewer, await withWrongToken(world)))).toBe('refused');
    });
  }
});
