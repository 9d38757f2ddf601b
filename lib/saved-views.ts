/** The lists that keep saved views (the `saved_view_list` enum is built from this). */
export const savedViewLists = [
  'clients',
  'prospects',
  'deals',
  'proposals',
  'users',
  'contracts',
  'invoices',
  'campaigns',
  'materials',
] as const;
export type SavedViewList = (typeof savedViewLists)[number];
