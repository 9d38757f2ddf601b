'use server';

import { toFormAction } from '@/server/action';
import {
  createContractCommand,
  renewContractCommand,
  sendContractCommand,
  signContractCommand,
  terminateContractCommand,
  updateContractCommand,
} from './commands';

const contractPages = ['/contracts', '/contracts/[id]', '/clients/[id]', '/proposals/[id]'];

export const createContract = toFormAction(createContractCommand, contractPages);
export const updateContract = toFormAction(updateContractCommand, contractPages);
export const sendContract = toFormAction(sendContractCommand, contractPages);
export const signContract = toFormAction(signContractCommand, contractPages);
export const terminateContract = toFormAction(terminateContractCommand, contractPages);
export const renewContract = toFormAction(renewContractCommand, [...contractPages, '/pipeline']);
