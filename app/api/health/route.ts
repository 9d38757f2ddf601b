import { isDatabaseHealthy } from '@/server/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const healthy = await isDatabaseHealthy();
  return Response.json(
    { status: healthy ? 'ok' : 'unavailable' },
    { status: healthy ? 200 : 503, headers: { 'cache-control': 'no-store' } },
  );
}
