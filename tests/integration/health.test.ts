import net from 'node:net';
import { describe, expect, it } from 'vitest';

/** A local port with nothing listening on it. */
async function closedPort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('GET /api/health', () => {
  it('answers 503 when the database does not answer', async () => {
    // This file's database client is made on first use, so point it at nothing before any query.
    process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${await closedPort()}/accord`;
    const { GET } = await import('@/app/api/health/route');
    const response = await GET(new Request('http://localhost/api/health'));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable' });
  });
});
