import { createServer, type IncomingMessage, type Server } from 'node:http';
import { remoteAddressHeader, remoteAddressStampedEnv } from '@/lib/remote-address';
import { logger } from '@/lib/observability/logger';
import { metrics } from '@/lib/observability/metrics';
import { requestIdFrom, runWithRequestContext } from '@/lib/observability/request-context';
import { routePatternMatcher } from '@/lib/observability/route-patterns';

/**
 * Writes the connection's peer address into the request, replacing whatever the client sent
 * under that name: Next's route handlers and server actions see headers, never the socket.
 * An IPv4 client of a dual-stack socket appears as ::ffff:a.b.c.d; the audit log shows a.b.c.d.
 */
function stampRemoteAddress(request: IncomingMessage) {
  const address = request.socket.remoteAddress ?? '';
  request.headers[remoteAddressHeader] = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

/**
 * The HTTP server of `npm start` and `npm run dev`: every request gets its connection address
 * stamped (see server/auth/client-ip.ts) and a request id, then goes to Next inside a request
 * context, so every line logged while it runs (pages, route handlers, server actions) names the
 * request and its user. One line per request is logged, and counted, when it is answered.
 */
export async function createNextServer(options: { dev: boolean; hostname?: string; port: number }) {
  process.env[remoteAddressStampedEnv] = '1';
  const { default: next } = await import('next');
  const app = next({
    dev: options.dev,
    hostname: options.hostname ?? 'localhost',
    port: options.port,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  const routeOf = routePatternMatcher();
  const { httpRequests, httpDuration } = metrics();
  const server: Server = createServer((request, response) => {
    stampRemoteAddress(request);
    const context = { requestId: requestIdFrom(request.headers['x-request-id']) };
    response.setHeader('x-request-id', context.requestId);
    const started = process.hrtime.bigint();
    response.once('close', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(new URL(request.url ?? '/', 'http://accord').pathname);
      const method = request.method ?? 'GET';
      const status = response.writableFinished ? response.statusCode : 499;
      httpRequests.inc({ method, route, status });
      httpDuration.observe({ method, route }, seconds);
      // The route, not the URL: paths and queries carry share and feed tokens.
      runWithRequestContext(context, () =>
        logger.info({ method, route, status, durationMs: Math.round(seconds * 1000) }, 'request'),
      );
    });
    runWithRequestContext(context, () => void handle(request, response));
  });
  return { app, server };
}
