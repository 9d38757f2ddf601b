import { z } from 'zod';

export type SearchHit = { id: string; title: string; subtitle: string; href: string };
export type SearchGroup = { label: string; hits: SearchHit[] };

export const searchQuerySchema = z.string().trim().min(2).max(100);
