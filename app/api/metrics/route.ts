import { metricsText } from '@/lib/observability/metrics';
import { metricsAccess } from '@/server/metrics-access';

export const dynamic = 'force-dynamic';

/** Prometheus' scrape target, for a scraper holding METRICS_TOKEN; absent while it is unset. */
export async function GET(request: Request) {
  const access = metricsAccess(request.headers.get('authorization'));
  if (access === 'disabled') return new Response('Not found', { status: 404 });
  if (access === 'refused') {
    return new Response('A valid bearer token is required.', {
      status: 401,
      headers: { 'www-authenticate': 'Bearer realm="metrics"', 'cache-control': 'no-store' },
    });
  }
  return new Response(await metricsText(), {
    headers: {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
      'cache-control': 'no-store',
    },
  });
}
