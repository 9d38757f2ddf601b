import { isDatabaseHealthy, jobQueueHealth } from '@/server/health';

export const dynamic = 'force-dynamic';

/**
 * `/api/health`: 200 while the database answers, else 503 (for a load balancer). With `?deep=1`
 * the database and the job queue are reported apart, and either failing answers 503.
 */
export async function GET(request: Request) {
  const headers = { 'cache-control': 'no-store' };
  const deep = new URL(request.url).searchParams.get('deep') === '1';
  if (!deep) {
    const healthy = await isDatabaseHealthy();
    return Response.json(
      { status: healthy ? 'ok' : 'unavailable' },
      { status: healthy ? 200 : 503, headers },
    );
  }
  const [databaseUp, jobs] = await Promise.all([isDatabaseHealthy(), jobQueueHealth()]);
  const healthy = databaseUp && jobs.status === 'ok';
  return Response.json(
    {
      status: healthy ? 'ok' : 'unavailable',
      database: { status: databaseUp ? 'ok' : 'unavailable' },
      jobs,
    },
    { status: healthy ? 200 : 503, headers },
  );
}
