import PgBoss from 'pg-boss';
import { afterAll, describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as metricsRoute } from '@/app/api/metrics/route';
import { db } from '@/db/client';
import { calendarFeeds } from '@/db/schema';
import { countJobRun } from '@/lib/observability/metrics';
import { persistentFailureRuns } from '@/server/health';
import { limitCalendarFeedRequest } from '@/server/meetings/feed-rate-limit';
import { createShareToken } from '@/server/proposals/share-token';
import { publicTokenLimits } from '@/server/public-token-rate-limit';
import { createUser } from '../support/factories';

const deepHealth = () => health(new Request('http://localhost/api/health?deep=1'));
let boss: PgBoss | undefined;

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
});

describe('GET /api/health?deep=1', () => {
  it('reports the job queue apart from the database: missing, healthy, then failing', async () => {
    const missing = await deepHealth();
    expect(missing.status).toBe(503);
    expect(await missing.json()).toEqual({
      status: 'unavailable',
      database: { status: 'ok' },
      jobs: { status: 'unavailable', reason: 'not installed' },
    });
    const shallow = await health(new Request('http://localhost/api/health'));
    expect(shallow.status).toBe(200);
    expect(await shallow.json()).toEqual({ status: 'ok' });

    boss = new PgBoss({ connectionString: process.env.DATABASE_URL, max: 2, schedule: false });
    boss.on('error', () => {});
    await boss.start();
    await boss.createQueue('ops.flaky', { name: 'ops.flaky', retryLimit: 0 });
    const ok = await deepHealth();
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      status: 'ok',
      database: { status: 'ok' },
      jobs: { status: 'ok' },
    });

    const finishRun = async (failed: boolean) => {
      await boss?.send('ops.flaky', {});
      const [job] = (await boss?.fetch('ops.flaky')) ?? [];
      if (!job) throw new Error('No job was fetched.');
      if (failed) await boss?.fail('ops.flaky', job.id, { message: 'broken' });
      else await boss?.complete('ops.flaky', job.id);
    };
    // One failure, or a failure after a success, is not persistent.
    await finishRun(false);
    for (let run = 1; run < persistentFailureRuns; run += 1) await finishRun(true);
    expect((await deepHealth()).status).toBe(200);
    await finishRun(true);
    const failing = await deepHealth();
    expect(failing.status).toBe(503);
    expect(await failing.json()).toMatchObject({
      database: { status: 'ok' },
      jobs: { status: 'failing', queues: ['ops.flaky'] },
    });
  });
});

describe('GET /api/metrics', () => {
  const scrape = (authorization?: string) =>
    metricsRoute(
      new Request('http://localhost/api/metrics', {
        headers: authorization ? { authorization } : {},
      }),
    );

  it('is not found without METRICS_TOKEN, and refuses a wrong token', async () => {
    delete process.env.METRICS_TOKEN;
    expect((await scrape('Bearer x')).status).toBe(404);
    process.env.METRICS_TOKEN = 'scrape-token-for-tests';
    const refused = await scrape('Bearer wrong');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    expect(await refused.text()).not.toContain('accord_');
  });

  it('reports job runs and failures per queue and the pool, in Prometheus format', async () => {
    process.env.METRICS_TOKEN = 'scrape-token-for-tests';
    await countJobRun('ops.metered', async () => 'done');
    await expect(
      countJobRun('ops.metered', async () => {
        throw new Error('broken');
      }),
    ).rejects.toThrow('broken');
    await db.select().from(calendarFeeds).limit(1);
    const response = await scrape('Bearer scrape-token-for-tests');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await response.text();
    expect(text).toContain('accord_job_runs_total{queue="ops.metered"} 2');
    expect(text).toContain('accord_job_failures_total{queue="ops.metered"} 1');
    expect(text).toMatch(/accord_db_pool_size \d+/);
    expect(text).toMatch(/accord_db_pool_connections\{state="idle"\} [1-9]/);
    expect(text).toContain('# TYPE accord_http_request_duration_seconds histogram');
  });
});

describe('the rate limit of /calendar/feed/', () => {
  const at = new Date('2026-03-01T12:01:00Z');
  const request = (token: string) =>
    limitCalendarFeedRequest(`/calendar/feed/${token}.ics`, new Headers(), at);

  async function feedToken() {
    const user = await createUser({ role: 'coordinator' });
    const { token, hash } = createShareToken();
    await db.insert(calendarFeeds).values({ userId: user.id, tokenHash: hash });
    return token;
  }

  it('answers 429 to one feed polled too often, and leaves other feeds alone', async () => {
    const token = await feedToken();
    const other = await feedToken();
    for (let hit = 0; hit < publicTokenLimits.requestsPerToken; hit += 1) {
      expect(await request(token)).toBeNull();
    }
    const refused = await request(token);
    expect(refused?.status).toBe(429);
    expect(refused?.headers.get('retry-after')).toBe(String(14 * 60));
    expect(await request(other)).toBeNull();
  });

  it('answers 429 to an address after a bounded number of guesses, even for a real feed', async () => {
    const token = await feedToken();
    const headers = { 'x-forwarded-for': '198.51.100.9' };
    process.env.TRUSTED_PROXY_HOPS = '1';
    const guess = (value: string) =>
      limitCalendarFeedRequest(`/calendar/feed/${value}.ics`, new Headers(headers), at);
    for (let attempt = 0; attempt < publicTokenLimits.guessesPerAddress; attempt += 1) {
      expect(await guess(createShareToken().token)).toBeNull();
    }
    expect((await guess(createShareToken().token))?.status).toBe(429);
    expect((await guess(token))?.status).toBe(429);
    // Another address is counted on its own.
    expect(await request(token)).toBeNull();
  });
});
