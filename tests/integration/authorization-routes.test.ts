import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { roles, type Role } from '@/lib/roles';
import { can } from '@/server/auth/permissions';
import {
  handlerOf,
  routeRegistry,
  type RouteEntry,
  type RouteRequest,
} from '../authorization/routes';
import { createWorld, type World } from '../authorization/world';
import { createUser } from '../support/factories';
import {
  encodeSessionCookie,
  sessionCookieName,
  sessionTestSecret,
} from '../support/session-cookie';

// Each route handler, called as Next would with each role's session cookie and with none, must
// answer as its access rule in tests/authorization/routes.ts says: for a session route, what
// `can()` over the permission matrix says of the role.

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
const sessionUsers = {} as Record<Role, Awaited<ReturnType<typeof createUser>>>;
const figures = { routes: 0, requests: 0 };

beforeAll(async () => {
  world = await createWorld();
  for (const role of roles) sessionUsers[role] = await createUser({ role });
});

afterAll(() => {
  console.info(
    `authorization routes: ${figures.routes} routes × ${roles.length} roles and signed out, ${figures.requests} requests`,
  );
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
