import 'server-only';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { db, type Transaction } from '@/db/client';
import { recordAudit, type AuditEntryInput } from '@/server/audit/record-audit';
import { clientAddressFrom, type ClientAddress } from '@/server/auth/client-ip';
import { can, type Permission } from '@/server/auth/permissions';
import { getCurrentUser, type CurrentUser } from '@/server/auth/session';
import { ActionError } from '@/server/errors';
import type { ActionResult } from '@/lib/action-result';
import {
  echoedValues,
  formDataToObject,
  invalidInput,
  withoutNulCharacters,
} from '@/lib/form-data';

export type ActionContext = {
  user: CurrentUser;
  tx: Transaction;
  /** Where the request came from, when it came through a request (null when called directly). */
  client: ClientAddress | null;
  /** Records an audit entry for this write in the same transaction. */
  audit: (entry: Omit<AuditEntryInput, 'actorId' | 'ip' | 'forwardedFor'>) => Promise<void>;
};

export type ActionDefinition<TSchema extends z.ZodType, TData> = {
  schema: TSchema;
  permission: Permission;
  /** Also runs for someone still on a temporary password: only choosing their own does. */
  allowsTemporaryPassword?: boolean;
  run: (input: z.output<TSchema>, context: ActionContext) => Promise<TData>;
};

export function defineAction<TSchema extends z.ZodType, TData>(
  definition: ActionDefinition<TSchema, TData>,
) {
  return definition;
}

/**
 * Runs an action for a given actor: parse → check the actor → check the permission → run in one
 * transaction with its audit entries. Expected failures come back as `{ ok: false }` and leave the
 * database as it was. Integration tests call this directly with each role.
 */
export async function executeAction<TSchema extends z.ZodType, TData>(
  definition: ActionDefinition<TSchema, TData>,
  actor: CurrentUser | null,
  raw: unknown,
  client: ClientAddress | null = null,
): Promise<ActionResult<TData>> {
  const parsed = definition.schema.safeParse(withoutNulCharacters(raw));
  if (!parsed.success) return invalidInput(parsed.error, raw);
  if (!actor) return { ok: false, error: 'Your session has ended. Sign in again.' };
  if (actor.mustChangePassword && !definition.allowsTemporaryPassword) {
    return { ok: false, error: 'Choose your own password before doing anything else.' };
  }
  if (!can(actor, definition.permission)) {
    return { ok: false, error: 'You do not have permission to do that.', code: 'forbidden' };
  }
  try {
    const data = await db.transaction((tx) =>
      definition.run(parsed.data, {
        user: actor,
        tx,
        client,
        audit: (entry) =>
          recordAudit(tx, {
            ...entry,
            actorId: actor.id,
            ip: client?.reported ?? null,
            forwardedFor: client?.forwardedFor ?? null,
          }),
      }),
    );
    return { ok: true, data };
  } catch (error) {
    if (error instanceof ActionError) {
      return {
        ok: false,
        error: error.message,
        fieldErrors: error.fieldErrors,
        values: echoedValues(raw),
        code: error.code,
      };
    }
    throw error;
  }
}

/** The server-action entry point: the signed-in user and client address, then revalidation. */
export async function performAction<TSchema extends z.ZodType, TData>(
  definition: ActionDefinition<TSchema, TData>,
  raw: unknown,
  revalidate: string[] = [],
): Promise<ActionResult<TData>> {
  const [user, requestHeaders] = await Promise.all([getCurrentUser(), headers()]);
  const result = await executeAction(definition, user, raw, clientAddressFrom(requestHeaders));
  if (result.ok) {
    // A path with a dynamic segment names a route, not one URL, so Next needs its type.
    for (const path of revalidate) revalidatePath(path, path.includes('[') ? 'page' : undefined);
  }
  return result;
}

/** Wraps an action definition as a `useActionState` form action that revalidates `paths`. */
export function toFormAction<TSchema extends z.ZodType, TData>(
  definition: ActionDefinition<TSchema, TData>,
  paths: string[],
) {
  return async (_previous: ActionResult<TData> | null, formData: FormData) =>
    performAction(definition, formDataToObject(formData), paths);
}
