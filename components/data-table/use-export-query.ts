'use client';

import { useSearchParams } from 'next/navigation';

/** The list's filter as an export (and "all matching") query: the URL without paging or columns. */
export function useExportQuery() {
  const query = new URLSearchParams(useSearchParams().toString());
  query.delete('page');
  query.delete('size');
  query.delete('hide');
  return query;
}
