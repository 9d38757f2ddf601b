/**
 * A stand-in for an app instance, run as its own process by the numbering tests (which kill it
 * with SIGKILL): issues each invoice id given on the command line as the user in ISSUER_ID,
 * printing `issued <id> <number>` after each commit.
 */
import { register } from 'node:module';

// As in scripts/bench.ts: the server build of next/navigation, before the server modules load.
register('../../scripts/lib/next-navigation-hook.mjs', import.meta.url);
const { executeAction } = await import('@/server/action');
const { issueInvoiceCommand } = await import('@/server/invoices/commands');
const { asCurrentUser, findUser } = await import('./factories');
const { readInvoice } = await import('./invoice-factories');

const issuer = await findUser(process.env.ISSUER_ID ?? '');
if (!issuer) throw new Error('ISSUER_ID names no user');
for (const id of process.argv.slice(2)) {
  const { version } = await readInvoice(id);
  const result = await executeAction(issueInvoiceCommand, asCurrentUser(issuer), { id, version });
  if (!result.ok) throw new Error(result.error);
  process.stdout.write(`issued ${id} ${result.data.number}\n`);
}
process.exit(0);
