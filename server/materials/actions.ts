'use server';

import { performAction, toFormAction } from '@/server/action';
import {
  approveMaterialCommand,
  assignMaterialCommand,
  attachMaterialCommand,
  bulkAssignMaterialsCommand,
  createMaterialCommand,
  detachMaterialCommand,
  sendBackMaterialCommand,
  startMaterialCommand,
  submitMaterialCommand,
  updateMaterialCommand,
} from './commands';

const materialPages = ['/', '/materials', '/materials/[id]', '/materials/library'];
const attachmentPages = [...materialPages, '/proposals/[id]', '/meetings/[id]'];

export const createMaterial = toFormAction(createMaterialCommand, materialPages);
export const updateMaterial = toFormAction(updateMaterialCommand, materialPages);
export const assignMaterial = toFormAction(assignMaterialCommand, materialPages);
export const startMaterial = toFormAction(startMaterialCommand, materialPages);
export const submitMaterial = toFormAction(submitMaterialCommand, materialPages);
export const sendBackMaterial = toFormAction(sendBackMaterialCommand, materialPages);
export const approveMaterial = toFormAction(approveMaterialCommand, materialPages);
export const attachMaterial = toFormAction(attachMaterialCommand, attachmentPages);
export const detachMaterial = toFormAction(detachMaterialCommand, attachmentPages);

/** Bulk actions take JSON: a selection is a list of rows or the table's filter. */
export async function bulkAssignMaterials(input: unknown) {
  return performAction(bulkAssignMaterialsCommand, input, materialPages);
}
