'use server';

import { headers } from 'next/headers';
import type { ActionResult } from '@/lib/action-result';
import { formDataToObject } from '@/lib/form-data';
import { toFormAction } from '@/server/action';
import { clientAddressFrom } from '@/server/auth/client-ip';
import {
  addUserCommand,
  changeRoleCommand,
  createSetPasswordLinkCommand,
  deactivateUserCommand,
  reactivateUserCommand,
  setPasswordWithToken,
} from './commands';

const userPages = ['/admin/users', '/'];

export const addUser = toFormAction(addUserCommand, userPages);
export const changeRole = toFormAction(changeRoleCommand, userPages);
const deactivateUser = toFormAction(deactivateUserCommand, userPages);
const reactivateUser = toFormAction(reactivateUserCommand, userPages);
export const createSetPasswordLink = toFormAction(createSetPasswordLinkCommand, userPages);

/** One form for both directions, so the panel keeps its result across the change it causes. */
export async function setUserActive(
  previous: ActionResult<{ id: string; active: boolean }> | null,
  formData: FormData,
): Promise<ActionResult<{ id: string; active: boolean }>> {
  return formData.get('active') === 'true'
    ? reactivateUser(previous, formData)
    : deactivateUser(previous, formData);
}

export async function setPassword(
  _previous: ActionResult<null> | null,
  formData: FormData,
): Promise<ActionResult<null>> {
  return setPasswordWithToken(formDataToObject(formData), clientAddressFrom(await headers()));
}
