import { describe, expect, it } from 'vitest';
import { revokeSessions } from '@/server/auth/sign-out';
import { auditEntriesFor, createUser, findUser } from '../support/factories';

const client = { rateLimitKey: '192.0.2.1', reported: '192.0.2.1', forwardedFor: '203.0.113.7' };

describe('signing out', () => {
  it('moves the session version on, so no copy of the old session cookie works again', async () => {
    const user = await createUser();
    await revokeSessions({ userId: user.id, sessionVersion: user.sessionVersion }, client);
    expect((await findUser(user.id))?.sessionVersion).toBe(user.sessionVersion + 1);
    expect(
      (await auditEntriesFor(user.id)).map((entry) => [entry.action, entry.ip, entry.forwardedFor]),
    ).toEqual([['auth.sign_out', '192.0.2.1', '203.0.113.7']]);
  });

  it('does nothing for a session that had already ended', async () => {
    const user = await createUser();
    await revokeSessions({ userId: user.id, sessionVersion: user.sessionVersion }, client);
    await revokeSessions({ userId: user.id, sessionVersion: user.sessionVersion }, client);
    expect((await findUser(user.id))?.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await auditEntriesFor(user.id)).toHaveLength(1);
  });
});
