import type { z } from 'zod';
import type { Role } from '@/lib/roles';
import { executeAction, type ActionDefinition } from '@/server/action';
import type { OwnedRecord, Permission } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import { createClientRecord } from '../support/client-factories';
import { createActor, expectOk } from '../support/factories';

/** The users every fixture may name besides the actor: a colleague of each role. */
export type World = Record<`other${Capitalize<Role>}`, CurrentUser>;

export async function createWorld(): Promise<World> {
  return {
    otherCoordinator: await createActor('coordinator'),
    otherExecutive: await createActor('executive'),
    otherManager: await createActor('manager'),
  };
}

/**
 * A record and a valid input for one call. `record` names the fields the permission's condition
 * looks at; `judgedBy` is set where this record is judged by another permission than the entry's.
 */
export type Fixture = { input: unknown; record?: OwnedRecord; judgedBy?: Permission };

export type BuildFixture = (actor: CurrentUser, world: World) => Promise<Fixture>;

/** The one fixture of an action whose permission has no record condition. */
export const anyRecord = (build: BuildFixture) => ({ 'any record': build });

/** A client account owned by `ownerId` (nobody when null). */
export function accountOwnedBy(ownerId: string | null) {
  return createClientRecord({ ownerId });
}

/** A version field as a form posts it. */
export const versionOf = (row: { version: number }) => String(row.version);

/** A bulk selection of these rows, as a page posts the ticked ones. */
export const ticked = (...rows: { id: string; version: number }[]) => ({
  mode: 'rows' as const,
  rows: rows.map(({ id, version }) => ({ id, version })),
});

/** Runs an action that puts a fixture in the state under test, failing loudly if it refuses. */
export async function setUp<TSchema extends z.ZodType, TData>(
  definition: ActionDefinition<TSchema, TData>,
  actor: CurrentUser,
  raw: unknown,
) {
  return expectOk(await executeAction(definition, actor, raw));
}

/** A name no other fixture has, for records whose names are unique. */
export const uniqueName = (prefix: string) => `${prefix} ${crypto.randomUUID().slice(0, 8)}`;
