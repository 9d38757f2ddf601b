import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/server/auth/session';
import { findVisibleClient } from '@/server/clients/queries';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { asCurrentUser, createActor, createUser } from '../support/factories';

// The picker's action reads the signed-in user from the request; here it is whoever the test says.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/server/auth/session', async (original) => ({
  ...(await original<typeof import('@/server/auth/session')>()),
  getUserForRoute: async () => session.user,
}));
const { searchClientChoices } = await import('@/server/search/actions');

beforeEach(async () => {
  await setVisibility('open');
});

describe('the client pickers’ one action', () => {
  it('finds clients by part of their name, only those the user sees, and names the chosen one', async () => {
    const coordinator = asCurrentUser(await createUser({ role: 'coordinator' }));
    const stem = `Picker ${Date.now()}`;
    const mine = await createClientRecord({ name: `${stem} Mine`, coordinatorId: coordinator.id });
    const theirs = await createClientRecord({ name: `${stem} Theirs` });

    session.user = coordinator;
    expect((await searchClientChoices(stem)).map((choice) => choice.name)).toEqual([
      `${stem} Mine`,
      `${stem} Theirs`,
    ]);
    // The new deal's picker takes the chosen client's currency.
    expect((await searchClientChoices(`${stem} Mine`))[0]).toEqual({
      id: mine.id,
      name: `${stem} Mine`,
      status: mine.status,
      currency: mine.currency,
    });
    expect(await searchClientChoices(`\u0000${stem} Mine\u0000`)).toHaveLength(1);
    expect(await searchClientChoices('P')).toEqual([]);
    expect(await findVisibleClient(coordinator, theirs.id)).toEqual({
      id: theirs.id,
      name: `${stem} Theirs`,
    });

    await setVisibility('assigned');
    expect((await searchClientChoices(stem)).map((choice) => choice.id)).toEqual([mine.id]);
    expect(await findVisibleClient(coordinator, theirs.id)).toBeNull();
    const manager = await createActor('manager');
    session.user = manager;
    expect(await searchClientChoices(stem)).toHaveLength(2);

    session.user = null;
    expect(await searchClientChoices(stem)).toEqual([]);
  });
});
