'use server';

import { toFormAction } from '@/server/action';
import {
  archiveTemplateCommand,
  createTemplateCommand,
  publishTemplateCommand,
  updateTemplateCommand,
} from './commands';

const templatePages = ['/templates', '/templates/[id]'];

export const createTemplate = toFormAction(createTemplateCommand, templatePages);
export const updateTemplate = toFormAction(updateTemplateCommand, templatePages);
export const publishTemplate = toFormAction(publishTemplateCommand, templatePages);
export const archiveTemplate = toFormAction(archiveTemplateCommand, templatePages);
