'use client';

import { createContext, use, type ReactNode } from 'react';

/**
 * Choices a list's layout reads once (people, tags) for the filters and bulk actions of the
 * table its page renders. In-app navigation within the list (page, sort, filter) re-renders the
 * page only, so the choices are not read, or sent, again.
 */
export function layoutOptions<T>(what: string) {
  const Context = createContext<T | null>(null);
  function Provider({ value, children }: { value: T; children: ReactNode }) {
    return <Context value={value}>{children}</Context>;
  }
  function useOptions(): T {
    const value = use(Context);
    if (value === null) throw new Error(`${what} come from the list's layout: render inside it.`);
    return value;
  }
  return { Provider, useOptions };
}
