'use client';

import { layoutOptions } from '@/components/data-table/layout-options';

const proposalFilterOptions = layoutOptions<{ users: { id: string; name: string }[] }>(
  'The people of the proposals list',
);

export const ProposalFilterOptionsProvider = proposalFilterOptions.Provider;
export const useProposalFilterOptions = proposalFilterOptions.useOptions;
