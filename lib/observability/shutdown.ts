/** What a process must finish before it exits: background jobs first, then the database pool. */
export type ShutdownPhase = 'jobs' | 'database';

type Hooks = Record<ShutdownPhase, (() => Promise<unknown>)[]>;

// One list per process: the app's modules (in Next's bundle) register, scripts/start.ts runs them.
const globalForShutdown = globalThis as unknown as { accordShutdownHooks?: Hooks };
const hooks = (globalForShutdown.accordShutdownHooks ??= { jobs: [], database: [] });

export function onShutdown(phase: ShutdownPhase, hook: () => Promise<unknown>) {
  hooks[phase].push(hook);
}

/** Runs the hooks phase by phase; a failing hook does not keep the next ones from running. */
export async function runShutdownHooks() {
  for (const phase of ['jobs', 'database'] as const) {
    await Promise.allSettled(hooks[phase].splice(0).map((hook) => hook()));
  }
}
