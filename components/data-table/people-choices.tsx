'use client';

import { layoutOptions } from './layout-options';

const peopleChoices = layoutOptions<{ users: { id: string; name: string }[] }>(
  'The people a list offers to filter and assign by',
);

/** The people a list's filters, bulk actions and forms offer, read once by its layout. */
export const PeopleChoicesProvider = peopleChoices.Provider;
export const usePeopleChoices = peopleChoices.useOptions;
