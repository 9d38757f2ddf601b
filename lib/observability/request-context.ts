import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line of one request carries; the user is filled in once the session is read. */
export type RequestContext = { requestId: string; userId?: string };

// One store per process: the HTTP server (scripts/lib/next-server.ts) and Next's bundle of the
// app each load this module, and both must see the same context.
const globalForContext = globalThis as unknown as {
  accordRequestContext?: AsyncLocalStorage<RequestContext>;
};
const storage = (globalForContext.accordRequestContext ??= new AsyncLocalStorage());

// A caller's id is kept only when it cannot smuggle anything into a log line or a header.
const saneRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is a plain token, otherwise a fresh one. */
export function requestIdFrom(header: string | string[] | undefined | null) {
  const value = Array.isArray(header) ? header[0] : header;
  return value && saneRequestId.test(value) ? value : randomUUID();
}

export function runWithRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Names the signed-in user on every later line of the current request. */
export function setRequestUser(userId: string) {
  const context = storage.getStore();
  if (context) context.userId = userId;
}
