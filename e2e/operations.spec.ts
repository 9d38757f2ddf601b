import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';

// A second production server of its own (the suite's stays up): it is stopped by the test.
const port = Number(process.env.E2E_PORT ?? 3100) + 2;
const origin = `http://127.0.0.1:${port}`;
const metricsToken = 'e2e-metrics-token';

type Server = { child: ChildProcess; lines: string[]; exited: Promise<number | null> };

async function startServer(): Promise<Server> {
  // A server left on the port would answer in this one's place.
  await expect(fetch(`${origin}/api/health`)).rejects.toThrow();
  const child = spawn('node_modules/.bin/tsx', ['scripts/start.ts', '--port', String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? 'e2e-only-secret-not-for-production-use',
      AUTH_TRUST_HOST: 'true',
      WEB_CONCURRENCY: '1',
      METRICS_TOKEN: metricsToken,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a failed test can end the primary and its workers together.
    detached: true,
  });
  const lines: string[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const complete = text.split('\n');
    partial = complete.pop() ?? '';
    lines.push(...complete);
  });
  child.stderr?.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await expect
    .poll(async () => (await fetch(`${origin}/api/health`).catch(() => null))?.status, {
      timeout: 90_000,
    })
    .toBe(200);
  return { child, lines, exited };
}

/** A POST whose body arrives in two parts, the second only when `finish` is called. */
function slowPost(path: string) {
  const body = 'email=slow%40example.test&password=not-the-password';
  const request = httpRequest(`${origin}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
    },
  });
  const answer = new Promise<number>((resolve, reject) => {
    request.once('response', (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
    });
    request.once('error', reject);
  });
  request.write(body.slice(0, 10));
  return { answer, finish: () => request.end(body.slice(10)) };
}

test('one production server: JSON logs with request ids, metrics behind a token, graceful shutdown', async () => {
  test.setTimeout(150_000);
  const server = await startServer();
  try {
    const health = await fetch(`${origin}/api/health`, {
      headers: { 'x-request-id': 'e2e-ops-request-1' },
    });
    expect(health.headers.get('x-request-id')).toBe('e2e-ops-request-1');
    const generated = await fetch(`${origin}/api/health`, {
      headers: { 'x-request-id': 'not a sane id; level=error' },
    });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await expect
      .poll(() =>
        server.lines
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>)
          .find((entry) => entry.requestId === 'e2e-ops-request-1'),
      )
      .toMatchObject({ message: 'request', route: '/api/health', status: 200, method: 'GET' });

    expect((await fetch(`${origin}/api/metrics`)).status).toBe(401);
    const scraped = await fetch(`${origin}/api/metrics`, {
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    expect(scraped.status).toBe(200);
    const metrics = await scraped.text();
    expect(metrics).toMatch(
      /accord_http_requests_total\{method="GET",route="\/api\/health",status="200"\} [1-9]/,
    );
    expect(metrics).toContain('accord_db_pool_size');

    // SIGTERM while a request is in flight: it is answered, then the process exits 0.
    const slow = slowPost('/api/auth/callback/credentials');
    await new Promise((resolve) => setTimeout(resolve, 500));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(server.child.exitCode).toBeNull();
    slow.finish();
    expect(await slow.answer).toBeGreaterThanOrEqual(200);
    expect(await server.exited).toBe(0);
    expect(server.lines.join('\n')).toContain('"message":"stopped"');
    // Nothing listens any more.
    await expect(fetch(`${origin}/api/health`)).rejects.toThrow();
  } finally {
    if (server.child.exitCode === null && server.child.pid)
      process.kill(-server.child.pid, 'SIGKILL');
  }
});
