'use client';

import { layoutOptions } from './layout-options';

const peopleChoices = layoutOptions<{ users: { id: string; name: string }[] }>(
  'The people a list offers to filter and assign by',
);

/** The people of a list whose filters and bulk actions offer people alone (deals, proposals). */
export const PeopleChoicesProvider = peopleChoices.Provider;
export const usePeopleChoices = peopleChoices.useOptions;
