'use client';

import { DateFilter } from '@/components/data-table/date-filter';
import { SearchInput } from '@/components/data-table/search-input';
import { SelectFilter } from '@/components/data-table/select-filter';
import { StageFilter } from './stage-filter';

type Option = { id: string; name: string };

/** The filters the pipeline's table and board share; the board has a column per stage instead. */
export function PipelineFilters({ users, stages }: { users: Option[]; stages: boolean }) {
  const userOptions = users.map((user) => ({ value: user.id, label: user.name }));
  return (
    <>
      <SearchInput label="Search" placeholder="Deal or client name" />
      <SelectFilter param="owner" label="Owner" allLabel="Anyone" options={userOptions} />
      <SelectFilter
        param="coordinator"
        label="Coordinator"
        allLabel="Anyone"
        options={userOptions}
      />
      <DateFilter param="closeFrom" label="Closing from" />
      <DateFilter param="closeTo" label="Closing to" />
      {stages ? <StageFilter /> : null}
    </>
  );
}
