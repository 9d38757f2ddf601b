import { parseArgs } from 'node:util';
import { z } from 'zod';
import { db } from '@/db/client';
import { addUserSchema } from '@/lib/validation/users';
import { recordAudit } from '@/server/audit/record-audit';
import { ActionError } from '@/server/errors';
import { insertUser } from '@/server/users/insert-user';

// Creates a user from the command line, e.g. the first manager of a new installation, and prints
// a one-time link for them to set their password.
const usage =
  'Usage: npm run user:create -- --name "Ada Lovelace" --email ada@example.com --role manager [--time-zone Europe/London]';

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string' },
    'time-zone': { type: 'string', default: 'UTC' },
  },
});
const { 'time-zone': timeZone, ...identity } = values;
const parsed = addUserSchema.safeParse({ ...identity, timeZone, passwordMode: 'link' });
if (!parsed.success) {
  const errors = z.flattenError(parsed.error).fieldErrors;
  for (const [field, messages] of Object.entries(errors))
    console.error(`${field}: ${messages?.join(' ')}`);
  console.error(usage);
  process.exit(1);
}

try {
  const created = await db.transaction((tx) =>
    insertUser(tx, parsed.data, (entry) =>
      recordAudit(tx, {
        ...entry,
        actorId: null,
        after: { ...entry.after, source: 'command line' },
      }),
    ),
  );
  const baseUrl = process.env.AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  console.log(`Created ${created.name} (${parsed.data.role}).`);
  console.log(`They set their password here, once, within 7 days:`);
  console.log(`  ${new URL(`/set-password/${created.setPasswordToken}`, baseUrl)}`);
} catch (error) {
  if (!(error instanceof ActionError)) throw error;
  console.error(error.fieldErrors?.email?.join(' ') ?? error.message);
  process.exitCode = 1;
} finally {
  await db.$client.end();
}
