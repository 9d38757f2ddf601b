'use client';

import { layoutOptions } from '@/components/data-table/layout-options';

type Option = { id: string; name: string };

const clientFilterOptions = layoutOptions<{ users: Option[]; tags: Option[] }>(
  'The people and tags of the clients list',
);

export const ClientFilterOptionsProvider = clientFilterOptions.Provider;
export const useClientFilterOptions = clientFilterOptions.useOptions;
