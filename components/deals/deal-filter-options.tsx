'use client';

import { layoutOptions } from '@/components/data-table/layout-options';

const dealFilterOptions = layoutOptions<{ users: { id: string; name: string }[] }>(
  'The people of the pipeline table',
);

export const DealFilterOptionsProvider = dealFilterOptions.Provider;
export const useDealFilterOptions = dealFilterOptions.useOptions;
