'use server';

import { toFormAction } from '@/server/action';
import { createCompetitorCommand, updateCompetitorCommand } from './commands';

const competitorPages = ['/competitors', '/competitors/[id]'];

export const createCompetitor = toFormAction(createCompetitorCommand, competitorPages);
export const updateCompetitor = toFormAction(updateCompetitorCommand, competitorPages);
