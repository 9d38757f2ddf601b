import type { z } from 'zod';
import type { ActionResult } from '@/lib/action-result';
import { executeAction, type ActionDefinition } from '@/server/action';
import type { Permission } from '@/server/auth/permissions';
import type { CurrentUser } from '@/server/auth/session';
import type { BuildFixture } from './world';

/** One action definition as the matrix test sees it: what it enforces, and how to call it. */
export type ActionEntry = {
  definition: object;
  /** The permission the definition declares (checked against it). */
  permission: Permission;
  /** The record rule the action also relies on: which permission it asks with the record. */
  condition?: { permission: Permission; rule: string };
  /** A fixture per kind of record: one for an unconditional permission, one per side of a rule. */
  fixtures: Record<string, BuildFixture>;
  execute: (actor: CurrentUser, raw: unknown) => Promise<ActionResult<unknown>>;
};

export function registerAction<TSchema extends z.ZodType, TData>(
  definition: ActionDefinition<TSchema, TData>,
  entry: Omit<ActionEntry, 'definition' | 'execute'>,
): ActionEntry {
  return {
    ...entry,
    definition,
    execute: (actor, raw) => executeAction(definition, actor, raw),
  };
}
