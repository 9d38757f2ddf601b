import { createServer, type IncomingMessage, type Server } from 'node:http';
import { remoteAddressHeader, remoteAddressStampedEnv } from '@/lib/remote-address';

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
 * stamped (see server/auth/client-ip.ts), then goes to Next.
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
  const server: Server = createServer((request, response) => {
    stampRemoteAddress(request);
    void handle(request, response);
  });
  return { app, server };
}
