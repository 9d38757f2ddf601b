import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { clientListSchema } from '@/lib/validation/clients';
import { dealFilterSchema, dealListSchema } from '@/lib/validation/deals';
import type { CurrentUser } from '@/server/auth/session';
import { clientListWhere, clientPageQuery } from '@/server/clients/list-query';
import { getClientWithRecords, listClients, streamClients } from '@/server/clients/queries';
import { dealListQuery, dealListWhere } from '@/server/deals/list-query';
import { getBoard, getStageTotals, listDeals } from '@/server/deals/queries';
import { getReviewQueue } from '@/server/proposals/queries';
import { computePipelineDashboard, pipelineDashboardQueries } from '@/server/reports/pipeline';
import { searchEverything } from '@/server/search/queries';
import { invoiceScenarios } from './bench-invoices';

/**
 * `npm run bench`: a production build of Accord on the large seed (DATABASE_URL), served as
 * `npm start` serves it, measured per request at 10 concurrent connections with autocannon after a
 * short warm-up, beside the same queries run directly, so the app's own overhead shows. Also prints
 * the scans in the plan of each list and dashboard query.
 * A page that answers 404 (not in this build yet) is reported as such, with its SQL still timed.
 */

const port = Number(process.env.BENCH_PORT ?? 3300);
const base = `http://127.0.0.1:${port}`;
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const warmUpSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const directRuns = 40;

function percentile(values: number[], fraction: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

async function waitForHealth() {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const ok = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('Accord did not start.');
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie. */
async function signIn(email: string, password: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  // The proxy and the route may both set the CSRF cookie; the browser would keep the last one.
  const cookies = new Map(
    csrf.headers.getSetCookie().map((cookie) => {
      const pair = cookie.split(';')[0] ?? '';
      return [pair.split('=')[0], pair] as const;
    }),
  );
  const csrfCookie = [...cookies.values()].join('; ');
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: base }),
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
  ) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(
    ([, action]) =>
      action.filename === 'server/search/actions.ts' && action.exportedName === 'search',
  );
  if (!entry) throw new Error('The search action is not in the build.');
  return entry[0];
}

type Request = {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

/** `request` at 10 concurrent connections for `duration` seconds, with each response's time. */
function run(request: Request, cookie: string, duration: number) {
  const latencies: number[] = [];
  let errors = 0;
  return new Promise<{ result: autocannon.Result; latencies: number[]; errors: number }>(
    (resolve, reject) => {
      const instance = autocannon(
        {
          url: `${base}${request.path}`,
          method: request.method ?? 'GET',
          body: request.body,
          headers: { cookie, ...request.headers },
          connections: 10,
          duration,
        },
        (error, result) => (error ? reject(error) : resolve({ result, latencies, errors })),
      );
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode !== 200) errors += 1;
        latencies.push(responseTime);
      });
    },
  );
}

async function load(request: Request, cookie: string) {
  if (!request.method || request.method === 'GET') {
    const probe = await fetch(`${base}${request.path}`, { headers: { cookie } });
    await probe.arrayBuffer();
    if (probe.status === 404) return { missing: probe.status };
  }
  // Unmeasured first: a fresh server compiles each route's code on its first requests.
  await run(request, cookie, warmUpSeconds);
  const { result, latencies, errors } = await run(request, cookie, seconds);
  return {
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    rps: result.requests.average,
    errors: errors + result.errors + result.non2xx,
  };
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

type Statement = { sql: string; params: unknown[] };

/** The clients list's page query for `params`, as the list runs it. */
function clientListStatement(params: Record<string, string>): Statement {
  const parsed = clientListSchema.parse(params);
  return clientPageQuery(clientListWhere(undefined, parsed), parsed).toSQL();
}

/** The page query of the deals list for `params`, as the manager runs it (no visibility filter). */
function dealListStatement(params: Record<string, string>): Statement {
  const parsed = dealListSchema.parse(params);
  return dealListQuery(dealListWhere(undefined, parsed), parsed)
    .limit(parsed.size)
    .offset((parsed.page - 1) * parsed.size)
    .toSQL();
}

/** The scans in the plans of `statements`, e.g. "Index Scan using deals_close_idx on deals". */
async function scansOf(statements: Statement[]) {
  const scans = new Set<string>();
  for (const statement of statements) {
    const rows = await db.$client.unsafe(`explain ${statement.sql}`, statement.params as never[]);
    const plan = rows.map((row) => String(Object.values(row)[0])).join('\n');
    for (const match of plan.matchAll(
      /(Seq Scan|Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using (\S+) )?on (\S+)/g,
    )) {
      scans.add(`${match[1]}${match[2] ? ` ${match[2]}` : ''} on ${match[3]}`);
    }
  }
  return [...scans].join('; ');
}

/** What the dashboard of `viewer` runs when it is not reused (see getPipelineDashboard). */
async function dashboardStatements(viewer: CurrentUser): Promise<Statement[]> {
  const { scope: _scope, ...queries } = await pipelineDashboardQueries(viewer);
  return Object.values(queries).map((query) => query.toSQL());
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

async function main() {
  if (!process.env.DATABASE_URL)
    throw new Error('Set DATABASE_URL to the large seed (npm run db:seed:large).');
  if (!existsSync('.next/BUILD_ID')) {
    await new Promise<void>((resolve, reject) =>
      spawn(path.join('node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit' }).on(
        'exit',
        (code) => (code === 0 ? resolve() : reject(new Error('next build failed'))),
      ),
    );
  }
  const server = spawn(
    path.join('node_modules', '.bin', 'tsx'),
    ['scripts/start.ts', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        AUTH_SECRET: randomBytes(32).toString('base64url'),
        AUTH_TRUST_HOST: 'true',
        NEXT_TELEMETRY_DISABLED: '1',
        // Background jobs would catch up on the seed's overdue reviews and unsent e-mail mid-run.
        ACCORD_JOBS: 'off',
      },
    },
  );
  try {
    await waitForHealth();
    const cookie = await signIn('manager@accord.test', 'accord-demo');
    const executiveCookie = await signIn('executive@accord.test', 'accord-demo');
    const viewer = await viewerFor('manager@accord.test');
    const executive = await viewerFor('executive@accord.test');
    const [sample] = await db.execute<{ id: string }>(
      sql`select id from clients order by name offset 5000 limit 1`,
    );
    const clientId = sample?.id ?? '';
    const actionId = searchActionId();

    const lists: [string, Record<string, string>][] = [
      ['clients list (default)', {}],
      ['clients list sorted by last activity', { sort: 'lastActivityAt', dir: 'desc' }],
      ['clients list filtered (active, Software)', { status: 'active', industry: 'Software' }],
      ['clients list searched ("harbor")', { q: 'harbor' }],
      ['clients list page 1,000', { page: '1000' }],
    ];
    const deals: [string, Record<string, string>][] = [
      ['deals list (default)', {}],
      ['deals list (stage: proposal)', { stage: 'proposal' }],
    ];
    const scenarios: {
      name: string;
      request: Request;
      run: () => Promise<unknown>;
      plan?: () => Promise<Statement[]>;
      cookie?: string;
    }[] = [
      ...lists.map(([name, params]) => ({
        name,
        request: { path: `/clients?${new URLSearchParams(params)}` },
        run: () => listClients(viewer, clientListSchema.parse(params)),
        plan: async () => [clientListStatement(params)],
      })),
      {
        name: 'client page',
        request: { path: `/clients/${clientId}` },
        run: () => getClientWithRecords(viewer, clientId),
      },
      {
        name: 'search palette ("harbor")',
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
        run: () => searchEverything(viewer, 'harbor'),
      },
      {
        name: 'CSV export (10,000 paused clients)',
        request: { path: '/clients/export?status=paused' },
        run: async () => {
          const rows = [];
          for await (const row of streamClients(
            viewer,
            clientListSchema.parse({ status: 'paused' }),
          ))
            rows.push(row.id);
          return rows.length;
        },
      },
      // The page reuses a computed dashboard until something changes; "direct" computes it afresh.
      {
        name: 'home dashboard (manager, whole team)',
        request: { path: '/' },
        run: () => computePipelineDashboard(viewer),
        plan: () => dashboardStatements(viewer),
      },
      {
        name: 'home dashboard (executive, own book)',
        request: { path: '/' },
        run: () => computePipelineDashboard(executive),
        plan: () => dashboardStatements(executive),
        cookie: executiveCookie,
      },
      ...deals.map(([name, params]) => ({
        name,
        request: { path: `/pipeline?${new URLSearchParams(params)}` },
        run: () => {
          const parsed = dealListSchema.parse(params);
          return Promise.all([listDeals(viewer, parsed), getStageTotals(viewer, parsed)]);
        },
        plan: async () => [dealListStatement(params)],
      })),
      {
        name: 'pipeline board',
        request: { path: '/pipeline/board' },
        run: () => getBoard(viewer, dealFilterSchema.parse({})),
      },
      {
        name: 'review queue (manager)',
        request: { path: '/proposals/review' },
        run: () => getReviewQueue(viewer),
      },
      ...(await invoiceScenarios(viewer)),
    ];

    const results = [];
    for (const scenario of scenarios) {
      process.stderr.write(`measuring ${scenario.name}…\n`);
      const http = await load(scenario.request, scenario.cookie ?? cookie);
      const database = await direct(scenario.run);
      const plan = scenario.plan ? await scansOf(await scenario.plan()) : '';
      results.push({ scenario, http, database, plan });
    }

    console.log(
      `\nAccord on ${viewer.email}'s view of the large seed, 10 connections, ${seconds} s each\n`,
    );
    console.log(
      '| request | p50 ms | p95 ms | req/s | errors | same queries direct p50 / p95 ms |',
    );
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const { scenario, http, database } of results) {
      const measured =
        'missing' in http
          ? `— | — | — | page not in this build (${http.missing}) |`
          : `${http.p50.toFixed(0)} | ${http.p95.toFixed(0)} | ${http.rps.toFixed(0)} | ${http.errors} |`;
      console.log(
        `| ${scenario.name} | ${measured} ${database.p50.toFixed(1)} / ${database.p95.toFixed(1)} |`,
      );
    }
    console.log('\nScans in the plans of the list and dashboard queries:');
    for (const { scenario, plan } of results) if (plan) console.log(`- ${scenario.name}: ${plan}`);
  } finally {
    server.kill('SIGTERM');
    await db.$client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
