import 'server-only';
import { logActivitySchema } from '@/lib/validation/clients';
import { defineAction } from '@/server/action';
import { lockVisibleClient, recordActivity } from '../records';

export const logActivityCommand = defineAction({
  schema: logActivitySchema,
  permission: 'clients.write',
  async run(input, { tx, user, audit }) {
    await lockVisibleClient(tx, user, input.clientId);
    await recordActivity(tx, { ...input, body: input.body ?? null, actorId: user.id });
    await audit({
      action: 'activity.logged',
      entityType: 'client',
      entityId: input.clientId,
      after: { kind: input.kind, subject: input.subject },
    });
    return { clientId: input.clientId };
  },
});
