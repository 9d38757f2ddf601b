import { describe, expect, it } from 'vitest';
import { revokeSessions } from '@/server/auth/sign-out';
import { auditEntriesFor, createUser, findUser } from '../support/factories';

describe('signing out', () => {
  it('moves the session version on, so no copy of the old session cookie works again', async () => {
    const user = await createUser();
    await revokeSessions(user.id, '192.0.2.1');
    expect((await findUser(user.id))?.sessionVersion).toBe(user.sessionVersion + 1);
    expect((await auditEntriesFor(user.id)).map((entry) => [entry.action, entry.ip])).toEqual([
      ['auth.sign_out', '192.0.2.1'],
    ]);
  });
});
