import type { z } from 'zod';
import type { Role } from '@/lib/roles';
import { executeAction, type ActionDefinition } from '@/server/action';
import type { OwnedRecord, Permission } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import type { DocumentRecordKind } from '@/lib/documents';
import { createClientRecord, setVisibility } from '../support/client-factories';
import { pdfBytes, upload, uploaded } from '../support/document-factories';
import { createActor, expectOk } from '../support/factories';

/** The users every fixture may name besides the actor: a colleague of each role. */
export type World = Record<`other${Capitalize<Role>}`, CurrentUser>;

/** The world every fixture lives in: `open` record visibility, and a colleague of each role. */
export async function createWorld(): Promise<World> {
  await setVisibility('open');
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

/** A PDF filed by `uploader` on a record, through the upload path the route handler uses. */
export async function fileOn(
  uploader: CurrentUser,
  recordKind: DocumentRecordKind,
  recordId: string,
) {
  return uploaded(await upload(uploader, { recordKind, recordId }, 'brief.pdf', pdfBytes));
}

/** Who fills a record's two user fields on each side of a rule that either field satisfies. */
type People<TFirst extends string, TSecond extends string> = Record<TFirst | TSecond, string>;

/**
 * The three sides of a rule met by either of two fields (assignee or creator, author or owner):
 * the actor in the first, the actor in the second, or colleagues in both. `build` makes the
 * record with those people and the action's input; the people are the record that is judged.
 */
export function eitherOrNeither<TFirst extends string, TSecond extends string>(
  fields: [TFirst, TSecond],
  labels: [string, string, string],
  build: (people: People<TFirst, TSecond>, world: World) => Promise<Fixture>,
): Record<string, BuildFixture> {
  const [first, second] = fields;
  const sides: ((actor: CurrentUser, world: World) => [string, string])[] = [
    (actor, world) => [actor.id, world.otherCoordinator.id],
    (actor, world) => [world.otherCoordinator.id, actor.id],
    (_actor, world) => [world.otherCoordinator.id, world.otherExecutive.id],
  ];
  return Object.fromEntries(
    labels.map((label, index) => [
      label,
      async (actor: CurrentUser, world: World) => {
        const [firstId, secondId] = sides[index]!(actor, world);
        const people = { [first]: firstId, [second]: secondId } as People<TFirst, TSecond>;
        return { record: people, ...(await build(people, world)) };
      },
    ]),
  );
}

/** The fixture of an undoing action: `build`'s input, already done once by a manager. */
export function alreadyDone<TSchema extends z.ZodType, TData>(
  definition: ActionDefinition<TSchema, TData>,
  build: (actor: CurrentUser, world: World) => Promise<unknown>,
) {
  return anyRecord(async (actor, world) => {
    const input = await build(actor, world);
    await setUp(definition, world.otherManager, input);
    return { input };
  });
}
