import { parseArgs } from 'node:util';
import { createNextServer } from './lib/next-server';

/**
 * The Next.js dev server that `npm run dev` starts (in place of `next dev`), so requests carry
 * their connection address as under `npm start`.
 */
const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
// What `next dev` sets.
Object.assign(process.env, { NODE_ENV: 'development' });
const { app, server } = await createNextServer({ dev: true, port });
const close = () => server.close(() => void app.close().finally(() => process.exit(0)));
process.on('SIGTERM', close);
process.on('SIGINT', close);
server.listen(port);
