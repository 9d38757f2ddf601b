import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { and, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { clientListSchema } from '@/lib/validation/clients';
import { dealFilterSchema, dealListSchema } from '@/lib/validation/deals';
import { proposalListSchema } from '@/lib/validation/proposals';
import type { CurrentUser } from '@/server/auth/session';
import { can } from '@/server/auth/permissions';
import {
  clientListWhere,
  clientPageQuery,
  clientMatches,
  matchedPageQuery,
  searchWalkLength,
  walkedPageQuery,
} from '@/server/clients/list-query';
import { getClientWithRecords, listClients } from '@/server/clients/queries';
import { dealListQuery, dealListWhere } from '@/server/deals/list-query';
import { feedbackSlaFigureQuery } from '@/server/feedback/queries';
import { getBoard, getStageTotals, listDeals } from '@/server/deals/queries';
import {
  getReviewQueue,
  listProposals,
  proposalListWhere,
  proposalPageQuery,
} from '@/server/proposals/queries';
import { computePipelineDashboard, pipelineDashboardQueries } from '@/server/reports/pipeline';
import { searchEverything } from '@/server/search/queries';
import {
  measure,
  warmUp,
  percentile,
  treeRssMb,
  type BenchRequest,
  type Measurement,
} from './bench-measure';
import { domainScenarios, type DomainScenario } from './bench-domains';
import { captureNavigation, withBrowser } from './bench-navigation';
import {
  benchSecret,
  buildAccord,
  buildFloor,
  prepareDatabase,
  startAccord,
  startFloor,
} from './bench-servers';
import type { RunningServer } from './accord-server';

/**
 * `npm run bench`: Accord's production build on the large seed (DATABASE_URL, migrated and seeded
 * here when it is not yet) measured against
 * the framework's floor (a bare Next.js page running the same page query, scripts/bench/floor) in
 * the same run. Absolute times on a shared machine move by a third from run to run; ratios of two
 * servers measured minutes apart do not, so floor and Accord alternate, one server at a time, for
 * BENCH_ROUNDS rounds (at least 2), and each ratio is printed with its spread over the rounds.
 * Each case gets throughput, p50/p95, response bytes, and server and PostgreSQL CPU per request.
 * Then the same queries run directly, the scans in their plans, the CSV export's rate and memory,
 * and Accord at its WEB_CONCURRENCY default. BENCH_QUICK=1 is a short run of the same cases;
 * BENCH_CASES=text keeps the cases whose name contains it, or any of several given as a,b (and the
 * floor cases they compare with).
 * BENCH_DIRECT=1 runs only the direct queries and their plans: no build, no server.
 *
 * A case is one entry of `cases` below: what to request (or which click to capture in Chromium),
 * the case it is compared with (`against`) and the targets of that ratio.
 */

const quick = process.env.BENCH_QUICK === '1';
const seconds = Number(process.env.BENCH_SECONDS ?? (quick ? 4 : 8));
const warmUpSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const lapSeconds = Number(process.env.BENCH_LAP_SECONDS ?? 30);
const rounds = Math.max(2, Number(process.env.BENCH_ROUNDS ?? 2));
const connections = 10;
const accordPort = Number(process.env.BENCH_PORT ?? 3300);
const floorPort = accordPort + 1;
const directRuns = quick ? 10 : 40;
const caseFilters = (process.env.BENCH_CASES ?? '').split(',');
const keptByFilter = (name: string) => caseFilters.some((filter) => name.includes(filter));
const directOnly = process.env.BENCH_DIRECT === '1';

type Server = 'floor' | 'accord';
type Role = 'manager' | 'executive' | 'coordinator';
type Statement = { sql: string; params: unknown[] };

type Case = {
  name: string;
  server: Server;
  /** A fixed request, or the click in Chromium whose RSC request is replayed. */
  request?: BenchRequest;
  navigation?: { from: string; click: (page: Page) => Promise<unknown> };
  role?: Role;
  /** The case this one's throughput and bytes are divided by, measured in the same round. */
  against?: string;
  targets?: { throughput?: number; bytes?: number };
  /** The same server work run directly, one at a time; `directP95` is its target in ms. */
  direct?: () => Promise<unknown>;
  directP95?: number;
  plan?: () => Promise<Statement[]>;
};

const listTargets = { throughput: 1.0, bytes: 1.5 };
const navigationTargets = { throughput: 1.5 };
const dashboardTargets = { throughput: 0.8 };
const floorList = 'floor: list first load';

/** The lists besides clients whose pager's RSC request is measured, with their addresses. */
const listsPagedInApp = [
  ['deals', '/pipeline'],
  ['proposals', '/proposals'],
  ['contracts', '/contracts'],
  ['invoices', '/invoices'],
  ['campaigns', '/campaigns'],
  ['materials', '/materials'],
  ['feedback', '/feedback'],
] as const;

const clickNextPage = (page: Page) => page.getByRole('button', { name: 'Next page' }).click();

/** The floor's own link for a click: the browser's router goes where the plain link points. */
function floorNavigation(linkText: string) {
  return {
    from: '/',
    click: async (page: Page) => {
      const href = await page
        .getByRole('link', { name: linkText, exact: true })
        .getAttribute('href');
      // The floor has no client components, so no Link: push through the router as a Link would.
      await page.evaluate(
        (target) =>
          (
            window as unknown as { next: { router: { push: (href: string) => void } } }
          ).next.router.push(target ?? '/'),
        href,
      );
    },
  };
}

function statementOfClients(params: Record<string, string>): Statement {
  const parsed = clientListSchema.parse(params);
  return clientPageQuery(clientListWhere(undefined, parsed), parsed).toSQL();
}

/** The statements a searched page may run: the walk when its estimate is broad, the gathering. */
async function statementsOfSearch(params: Record<string, string>): Promise<Statement[]> {
  const parsed = clientListSchema.parse(params);
  const filters = clientListWhere(undefined, { ...parsed, q: undefined });
  const match = clientMatches(parsed.q ?? '');
  const where = and(filters, match);
  const dialect = new PgDialect();
  const gathering = dialect.sqlToQuery(matchedPageQuery(where, parsed));
  const walkLength = await searchWalkLength(where);
  if (walkLength === 0) return [gathering];
  return [dialect.sqlToQuery(walkedPageQuery(filters, match, parsed, walkLength)), gathering];
}

/** A searched clients list, held to the search's bars: 0.8× the default list, 20 ms p95 direct. */
function searchedClientsCase(
  name: string,
  params: Record<string, string>,
  direct: () => Promise<unknown>,
): Case {
  return {
    name,
    server: 'accord',
    request: { path: `/clients?${new URLSearchParams(params)}` },
    against: 'clients list (default)',
    targets: { throughput: 0.8 },
    direct,
    directP95: 20,
    plan: () => statementsOfSearch(params),
  };
}

function statementOfDeals(params: Record<string, string>): Statement {
  const parsed = dealListSchema.parse(params);
  return dealListQuery(dealListWhere(undefined, parsed), parsed)
    .limit(parsed.size)
    .offset((parsed.page - 1) * parsed.size)
    .toSQL();
}

async function dashboardStatements(viewer: CurrentUser): Promise<Statement[]> {
  const { scope: _scope, ...queries } = await pipelineDashboardQueries(viewer);
  const statements = Object.values(queries).map((query) => query.toSQL());
  // The home page shows a manager the feedback SLA figure beside the dashboard.
  if (can(viewer, 'reports.team')) statements.push(feedbackSlaFigureQuery(new Date()).toSQL());
  return statements;
}

type Context = {
  manager: CurrentUser;
  executive: CurrentUser;
  clientId: string;
  actionId: string;
  domains: DomainScenario[];
};

/** A domain's case beside the floor's list: held to the list targets when it is a list. */
function domainCase({ name, request, run, list, role, plan }: DomainScenario): Case {
  return {
    name,
    server: 'accord',
    request,
    role,
    against: floorList,
    targets: list ? listTargets : undefined,
    direct: run,
    plan,
  };
}

function accordList(name: string, path: string, direct?: () => Promise<unknown>): Case {
  return {
    name,
    server: 'accord',
    request: { path },
    against: floorList,
    targets: listTargets,
    direct,
  };
}

// The page reuses a computed dashboard until something changes; "direct" computes it afresh.
function dashboardCase(name: string, viewer: CurrentUser, role: Role): Case {
  return {
    name,
    server: 'accord',
    request: { path: '/' },
    role,
    against: floorList,
    targets: dashboardTargets,
    direct: () => computePipelineDashboard(viewer),
    plan: () => dashboardStatements(viewer),
  };
}

function defineCases({ manager, executive, clientId, actionId, domains }: Context): Case[] {
  const clients = (params: Record<string, string>) => () =>
    listClients(manager, clientListSchema.parse(params));
  const searched = (name: string, params: Record<string, string>) =>
    searchedClientsCase(name, { ...params, size: '50' }, clients({ ...params, size: '50' }));
  return [
    { name: floorList, server: 'floor', request: { path: '/' } },
    { name: 'floor: next page (RSC)', server: 'floor', navigation: floorNavigation('Next') },
    { name: 'floor: sort (RSC)', server: 'floor', navigation: floorNavigation('lastActivityAt') },
    { name: 'floor: filter (RSC)', server: 'floor', navigation: floorNavigation('active') },
    { name: 'floor: page 1,001', server: 'floor', request: { path: '/?page=1001' } },

    {
      ...accordList('clients list (default)', '/clients?size=50', clients({ size: '50' })),
      plan: async () => [statementOfClients({ size: '50' })],
    },
    {
      ...accordList('deals list (default)', '/pipeline?size=50', () => {
        const parsed = dealListSchema.parse({ size: '50' });
        return Promise.all([listDeals(manager, parsed), getStageTotals(manager, parsed)]);
      }),
      plan: async () => [statementOfDeals({ size: '50' })],
    },
    {
      ...accordList('proposals list (default)', '/proposals?size=50', () =>
        listProposals(manager, proposalListSchema.parse({ size: '50' })),
      ),
      plan: async () => {
        const parsed = proposalListSchema.parse({ size: '50' });
        return [proposalPageQuery(proposalListWhere(undefined, parsed), parsed).toSQL()];
      },
    },
    {
      name: 'clients: next page (RSC)',
      server: 'accord',
      navigation: { from: '/clients?size=50', click: clickNextPage },
      against: 'floor: next page (RSC)',
      targets: navigationTargets,
    },
    {
      name: 'clients: sort by last activity (RSC)',
      server: 'accord',
      navigation: {
        from: '/clients?size=50',
        click: (page) => page.getByRole('button', { name: 'Last activity' }).click(),
      },
      against: 'floor: sort (RSC)',
      targets: navigationTargets,
      direct: clients({ sort: 'lastActivityAt', dir: 'asc', size: '50' }),
      plan: async () => [statementOfClients({ sort: 'lastActivityAt', dir: 'asc', size: '50' })],
    },
    {
      name: 'clients: filter status active (RSC)',
      server: 'accord',
      navigation: {
        from: '/clients?size=50',
        click: (page) => page.getByLabel('Status').selectOption('active'),
      },
      against: 'floor: filter (RSC)',
      targets: navigationTargets,
      direct: clients({ status: 'active', size: '50' }),
      plan: async () => [statementOfClients({ status: 'active', size: '50' })],
    },
    ...listsPagedInApp.map(([list, path]) => ({
      name: `${list}: next page (RSC)`,
      server: 'accord' as const,
      navigation: { from: `${path}?size=50`, click: clickNextPage },
      against: 'floor: next page (RSC)',
      targets: navigationTargets,
    })),
    {
      name: 'clients list page 1,001',
      server: 'accord',
      request: { path: '/clients?page=1001&size=50' },
      against: 'floor: page 1,001',
      targets: { throughput: 3 },
      direct: clients({ page: '1001', size: '50' }),
      plan: async () => [statementOfClients({ page: '1001', size: '50' })],
    },
    {
      name: 'clients list searched ("harbor")',
      server: 'accord',
      request: { path: '/clients?q=harbor&size=50' },
      against: 'clients list (default)',
      targets: { throughput: 0.8 },
      direct: clients({ q: 'harbor', size: '50' }),
      directP95: 20,
      plan: () => statementsOfSearch({ q: 'harbor', size: '50' }),
    },
    searched('clients list searched, name descending ("harbor")', {
      q: 'harbor',
      sort: 'name',
      dir: 'desc',
    }),
    searched('clients list searched, last activity ("harbor")', {
      q: 'harbor',
      sort: 'lastActivityAt',
      dir: 'desc',
    }),
    searched('clients list searched, rare term ("quarry motors 12", 8 clients)', {
      q: 'quarry motors 12',
    }),
    searched('clients list searched, contacts only ("okafor", 15% of clients)', { q: 'okafor' }),
    searched('clients list searched, contacts only, by owner ("okafor")', {
      q: 'okafor',
      sort: 'owner',
    }),
    {
      name: 'search palette ("harbor")',
      server: 'accord',
      request: {
        method: 'POST',
        path: '/',
        headers: {
          'next-action': actionId,
          'content-type': 'text/plain;charset=UTF-8',
          accept: 'text/x-component',
        },
        body: JSON.stringify(['harbor']),
      },
      direct: () => searchEverything(manager, 'harbor'),
      directP95: 20,
    },
    {
      name: 'client page',
      server: 'accord',
      request: { path: `/clients/${clientId}` },
      against: floorList,
      direct: () => getClientWithRecords(manager, clientId),
    },
    dashboardCase('home dashboard (manager, whole team)', manager, 'manager'),
    dashboardCase('home dashboard (executive, own book)', executive, 'executive'),
    {
      name: 'pipeline board',
      server: 'accord',
      request: { path: '/pipeline/board' },
      against: floorList,
      targets: dashboardTargets,
      direct: () => getBoard(manager, dealFilterSchema.parse({})),
    },
    {
      name: 'review queue (manager)',
      server: 'accord',
      request: { path: '/proposals/review' },
      against: floorList,
      direct: () => getReviewQueue(manager),
    },
    ...domains.map(domainCase),
  ];
}

/** The cases BENCH_CASES keeps, with every case they are compared with. */
function selected(cases: Case[]) {
  const kept = new Set(cases.filter((item) => keptByFilter(item.name)).map((item) => item.name));
  for (const item of cases) if (kept.has(item.name) && item.against) kept.add(item.against);
  return cases.filter((item) => kept.has(item.name));
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie. */
async function signIn(base: string, email: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  // The proxy and the route may both set the CSRF cookie; the browser would keep the last one.
  const cookies = new Map(
    csrf.headers.getSetCookie().map((cookie) => {
      const pair = cookie.split(';')[0] ?? '';
      return [pair.split('=')[0], pair] as const;
    }),
  );
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: [...cookies.values()].join('; '),
    },
    body: new URLSearchParams({ csrfToken, email, password: 'accord-demo', callbackUrl: base }),
  });
  const session = response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('authjs.session-token='));
  if (!session) throw new Error(`Could not sign in as ${email}.`);
  return session.split(';')[0] ?? '';
}

function searchActionId() {
  const manifest = JSON.parse(
    readFileSync('.next/server/server-reference-manifest.json', 'utf8'),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const entry = Object.entries(manifest.node).find(
    ([, action]) =>
      action.filename === 'server/search/actions.ts' && action.exportedName === 'search',
  );
  if (!entry) throw new Error('The search action is not in the build.');
  return entry[0];
}

async function viewerFor(email: string): Promise<CurrentUser> {
  const [row] = await db.execute<CurrentUser & { time_zone: string }>(
    sql`select id, name, email, role, time_zone, locale from users where email = ${email}`,
  );
  if (!row) throw new Error('Run npm run db:seed:large first.');
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    timeZone: row.time_zone,
    locale: row.locale,
    timeZoneChosen: true,
    mustChangePassword: false,
  };
}

type Result = Measurement | { missing: number };
type Cookies = Record<Role, string> | undefined;

/** Captures each navigation case's RSC request on `server` (once: the build does not change). */
async function captureNavigations(server: RunningServer, cases: Case[], cookie: string) {
  const requests = new Map<string, BenchRequest>();
  const navigating = cases.filter((item) => item.navigation);
  if (navigating.length === 0) return requests;
  await withBrowser(server.base, cookie, async (page) => {
    for (const item of navigating) {
      const navigation = item.navigation!;
      await page.goto(`${server.base}${navigation.from}`);
      await page.waitForLoadState('networkidle');
      requests.set(item.name, await captureNavigation(page, () => navigation.click(page)));
    }
  });
  return requests;
}

/** Measures every case of one server; `navigations` is filled on its first round. */
async function measureServer(
  server: RunningServer,
  cases: Case[],
  cookies: Cookies,
  navigations: Map<string, BenchRequest>,
) {
  const cookieOf = (item: Case) => (cookies ? cookies[item.role ?? 'manager'] : '');
  if (cases.some((item) => item.navigation && !navigations.has(item.name))) {
    const captured = await captureNavigations(server, cases, cookies?.manager ?? '');
    for (const [name, request] of captured) navigations.set(name, request);
  }
  const requestOf = (item: Case) => {
    const request = item.request ?? navigations.get(item.name);
    if (!request) throw new Error(`No request for ${item.name}.`);
    return request;
  };
  // A fresh process spends its first tens of seconds compiling (V8 tiers hot code up as it
  // runs), and a large app longer than the floor: a lap over every case first measures both
  // servers as a long-running one serves.
  process.stderr.write(`  ${server.name}: warm-up lap…\n`);
  const lapStarted = performance.now();
  do {
    for (const item of cases) {
      await warmUp(requestOf(item), {
        base: server.base,
        cookie: cookieOf(item),
        seconds: 1,
        connections,
      });
    }
  } while ((performance.now() - lapStarted) / 1000 < lapSeconds);
  const results = new Map<string, Result>();
  for (const item of cases) {
    const request = requestOf(item);
    process.stderr.write(`  ${server.name}: ${item.name}…\n`);
    results.set(
      item.name,
      await measure(request, {
        base: server.base,
        cookie: cookieOf(item),
        seconds,
        warmUpSeconds,
        connections,
        serverPid: server.pid,
        sql: db.$client,
      }),
    );
  }
  return results;
}

async function direct(run: () => Promise<unknown>) {
  const times: number[] = [];
  for (let index = 0; index < directRuns; index += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

/** The scans in the plans of `statements`, a sequential scan of a table over 10,000 rows flagged. */
async function scansOf(statements: Statement[]) {
  const large = new Set(
    (
      await db.$client<{ relname: string }[]>`
        select relname from pg_class where relkind = 'r' and reltuples > 10000`
    ).map((row) => row.relname),
  );
  const scans = new Set<string>();
  for (const statement of statements) {
    const rows = await db.$client.unsafe(`explain ${statement.sql}`, statement.params as never[]);
    const plan = rows.map((row) => String(Object.values(row)[0])).join('\n');
    for (const match of plan.matchAll(
      /(Seq Scan|Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using (\S+) )?on (\S+)/g,
    )) {
      const flagged = match[1] === 'Seq Scan' && large.has(match[3] ?? '') ? ' ✗ LARGE' : '';
      scans.add(`${match[1]}${match[2] ? ` ${match[2]}` : ''} on ${match[3]}${flagged}`);
    }
  }
  return [...scans].join('; ');
}

/** Streams an export once, reading the server tree's memory as it goes. */
async function measureExport(server: RunningServer, cookie: string, path: string) {
  const rssBefore = treeRssMb(server.pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, treeRssMb(server.pid));
  }, 20);
  const started = performance.now();
  const response = await fetch(`${server.base}${path}`, { headers: { cookie } });
  let lines = 0;
  const reader = response.body!.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    for (const byte of chunk.value) if (byte === 10) lines += 1;
  }
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const rows = Math.max(0, lines - 1);
  return {
    rows,
    rowsPerSecond: rows / elapsed,
    seconds: elapsed,
    rssGrowthMb: rssPeak - rssBefore,
  };
}

/** Each export once after one unmeasured run (the route's first request compiles its code). */
async function measureExports(server: RunningServer, cookie: string) {
  await measureExport(server, cookie, exportCases[0]!.path);
  const results = [];
  for (const item of exportCases) results.push(await measureExport(server, cookie, item.path));
  return results;
}

const exportCases = [
  { name: 'CSV export, 10,000 rows (paused clients)', path: '/clients/export?status=paused' },
  { name: 'CSV export, 100,000 rows (every client)', path: '/clients/export' },
];

const format = (value: number, digits = 0) => value.toFixed(digits);
const range = (values: number[], digits = 2) =>
  values.length === 0
    ? '—'
    : `${format(Math.min(...values), digits)}–${format(Math.max(...values), digits)}`;
const median = (values: number[]) => percentile(values, 0.5);

function verdict(values: number[], target: number, atLeast: boolean) {
  const meets = (value: number) => (atLeast ? value >= target : value <= target);
  if (values.every(meets)) return '✓';
  return meets(median(values)) ? '~' : '✗';
}

function printRounds(cases: Case[], roundResults: Map<string, Result>[]) {
  console.log(
    '\n| case | req/s | p50 ms | p95 ms | KB | server CPU ms/req | PostgreSQL CPU ms/req | errors | vs | throughput × (spread) | bytes × (spread) | target | met |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|:-:|');
  for (const item of cases) {
    const measured = roundResults
      .map((results) => results.get(item.name))
      .filter((result): result is Measurement => !!result && !('missing' in result));
    if (measured.length === 0) {
      console.log(`| ${item.name} | page not in this build | | | | | | | | | | | |`);
      continue;
    }
    const pick = (key: keyof Measurement) => median(measured.map((result) => result[key]));
    const ratios = roundResults.flatMap((results) => {
      const own = results.get(item.name);
      const other = item.against ? results.get(item.against) : undefined;
      // A round in which either side finished no request has no ratio.
      if (!own || !other || 'missing' in own || 'missing' in other || !own.rps || !other.rps)
        return [];
      return [{ throughput: own.rps / other.rps, bytes: own.bytes / other.bytes }];
    });
    const throughputs = ratios.map((ratio) => ratio.throughput);
    const bytes = ratios.map((ratio) => ratio.bytes);
    const targets: string[] = [];
    const verdicts: string[] = [];
    if (item.targets?.throughput) {
      targets.push(`≥ ${item.targets.throughput}× req/s`);
      verdicts.push(verdict(throughputs, item.targets.throughput, true));
    }
    if (item.targets?.bytes) {
      targets.push(`≤ ${item.targets.bytes}× bytes`);
      verdicts.push(verdict(bytes, item.targets.bytes, false));
    }
    console.log(
      `| ${item.name} | ${format(pick('rps'))} | ${format(pick('p50'))} | ${format(pick('p95'))} | ${format(pick('bytes') / 1024, 1)} | ${format(pick('serverCpuMs'), 1)} | ${format(pick('databaseCpuMs'), 1)} | ${measured.reduce((sum, result) => sum + result.errors, 0)} | ${item.against ?? ''} | ${item.against ? `${format(median(throughputs), 2)} (${range(throughputs)})` : ''} | ${item.against ? `${format(median(bytes), 2)} (${range(bytes)})` : ''} | ${targets.join(', ')} | ${verdicts.join(' ')} |`,
    );
  }
}

async function main() {
  if (!process.env.DATABASE_URL)
    throw new Error('Set DATABASE_URL to the large seed (npm run db:seed:large).');
  await prepareDatabase();
  if (!directOnly) {
    await buildAccord();
    await buildFloor();
  }
  const manager = await viewerFor('manager@accord.test');
  const executive = await viewerFor('executive@accord.test');
  const coordinator = await viewerFor('coordinator@accord.test');
  const [sample] = await db.execute<{ id: string }>(
    sql`select id from clients order by name offset 5000 limit 1`,
  );
  const cases = selected(
    defineCases({
      manager,
      executive,
      clientId: sample?.id ?? '',
      // The palette's request names the search action of the build; the direct run needs none.
      actionId: directOnly ? '' : searchActionId(),
      domains: await domainScenarios({ manager, executive, coordinator }),
    }),
  );
  const servers = directOnly
    ? undefined
    : await measureServers(cases, { manager, executive, coordinator });
  const directResults = await measureDirect(cases);
  if (servers) printServers(cases, servers);
  printDirect(directResults);
}

const casesOn = (cases: Case[], server: Server) => cases.filter((item) => item.server === server);

/** The rounds of floor and Accord, Accord at its default concurrency and the CSV export. */
async function measureServers(cases: Case[], viewers: Record<Role, CurrentUser>) {
  const secret = benchSecret();
  const byServer = (server: Server) => casesOn(cases, server);

  const navigations = {
    floor: new Map<string, BenchRequest>(),
    accord: new Map<string, BenchRequest>(),
  };
  const roundResults: Map<string, Result>[] = [];
  let cookies: Cookies;
  const exports: Awaited<ReturnType<typeof measureExport>>[][] = [];
  for (let round = 1; round <= rounds; round += 1) {
    process.stderr.write(`round ${round} of ${rounds}\n`);
    const results = new Map<string, Result>();
    const floor = await startFloor(floorPort);
    try {
      for (const [name, result] of await measureServer(
        floor,
        byServer('floor'),
        undefined,
        navigations.floor,
      ))
        results.set(name, result);
    } finally {
      await floor.stop();
    }
    const accord = await startAccord(accordPort, 1, secret);
    try {
      cookies ??= {
        manager: await signIn(accord.base, viewers.manager.email),
        executive: await signIn(accord.base, viewers.executive.email),
        coordinator: await signIn(accord.base, viewers.coordinator.email),
      };
      for (const [name, result] of await measureServer(
        accord,
        byServer('accord'),
        cookies,
        navigations.accord,
      ))
        results.set(name, result);
      if (keptByFilter('CSV export')) {
        // A failed export (a timeout on a swamped machine) costs its figures, not the whole run's.
        try {
          exports.push(await measureExports(accord, cookies.manager));
        } catch (error) {
          process.stderr.write(`  CSV export failed in round ${round}: ${String(error)}\n`);
        }
      }
    } finally {
      await accord.stop();
    }
    roundResults.push(results);
  }

  let defaultConcurrency: Map<string, Result> | undefined;
  if (!quick && cookies) {
    process.stderr.write('Accord at its WEB_CONCURRENCY default\n');
    const accord = await startAccord(accordPort, undefined, secret);
    try {
      defaultConcurrency = await measureServer(
        accord,
        byServer('accord'),
        cookies,
        navigations.accord,
      );
    } finally {
      await accord.stop();
    }
  }
  return { roundResults, defaultConcurrency, exports };
}

/** The servers' tables: the rounds against the floor, the default concurrency, the CSV export. */
function printServers(
  cases: Case[],
  { roundResults, defaultConcurrency, exports }: Awaited<ReturnType<typeof measureServers>>,
) {
  console.log(
    `\nAccord (WEB_CONCURRENCY=1) against the floor (one next start process), ${rounds} alternating rounds, ${connections} connections, ${seconds} s each; medians over the rounds, ratios per round`,
  );
  printRounds(cases, roundResults);
  if (defaultConcurrency) {
    console.log('\nAccord at its WEB_CONCURRENCY default (the cores, at most 4), one round:');
    printRounds(
      casesOn(cases, 'accord').map((item) => ({ ...item, against: undefined, targets: undefined })),
      [defaultConcurrency],
    );
  }
  if (exports.length > 0) {
    console.log(
      '\n| CSV export | rows | seconds | rows/s (spread) | RSS growth MB | target | met |',
    );
    console.log('|---|---:|---:|---:|---:|---|:-:|');
    exportCases.forEach((item, index) => {
      const runs = exports.map((run) => run[index]!);
      const rates = runs.map((run) => run.rowsPerSecond);
      console.log(
        `| ${item.name} | ${runs[0]!.rows} | ${format(median(runs.map((run) => run.seconds)), 2)} | ${format(median(rates))} (${range(rates, 0)}) | ${format(median(runs.map((run) => run.rssGrowthMb)))} | ≥ 50,000 rows/s, flat memory | ${verdict(rates, 50_000, true)} |`,
      );
    });
  }
}

/** The same server work run directly, one at a time, and the scans in its plans. */
async function measureDirect(cases: Case[]) {
  process.stderr.write('direct queries and plans\n');
  const directResults = [];
  for (const item of cases) {
    if (!item.direct) continue;
    directResults.push({
      item,
      timing: await direct(item.direct),
      plan: item.plan ? await scansOf(await item.plan()) : '',
    });
  }
  return directResults;
}

function printDirect(directResults: Awaited<ReturnType<typeof measureDirect>>) {
  console.log('\n| same queries direct, one at a time | p50 ms | p95 ms | target | met |');
  console.log('|---|---:|---:|---|:-:|');
  for (const { item, timing } of directResults) {
    console.log(
      `| ${item.name} | ${format(timing.p50, 1)} | ${format(timing.p95, 1)} | ${item.directP95 ? `p95 ≤ ${item.directP95} ms` : ''} | ${item.directP95 ? verdict([timing.p95], item.directP95, false) : ''} |`,
    );
  }
  console.log('\nScans in the plans (✗ LARGE: a sequential scan of a table over 10,000 rows):');
  for (const { item, plan } of directResults) if (plan) console.log(`- ${item.name}: ${plan}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$client.end());
