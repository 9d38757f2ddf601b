/**
 * A stand-in for an app instance, run as its own process by the crash tests (which kill it with
 * SIGKILL): says when it is ready, then takes one job over IPC, an action definition named by
 * module and export, an actor and a list of inputs, runs the action on each input in turn exactly
 * as a request would, and reports each commit back before starting the next.
 */
import { register } from 'node:module';
import type { CrashJob, CrashReport } from './crash';

// As in scripts/bench.ts: the server build of next/navigation, before the server modules load.
register('../../scripts/lib/next-navigation-hook.mjs', import.meta.url);
const { executeAction } = await import('@/server/action');
const { asCurrentUser, findUser } = await import('./factories');

function report(message: CrashReport) {
  return new Promise<void>((resolve, reject) =>
    process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())),
  );
}

process.once('message', async (job: CrashJob) => {
  const actions: Record<string, unknown> = await import(job.module);
  const definition = actions[job.name] as Parameters<typeof executeAction>[0];
  const actor = await findUser(job.actorId);
  if (!definition || !actor) throw new Error(`no ${job.module}#${job.name} or no actor`);
  for (const [index, input] of job.inputs.entries()) {
    const result = await executeAction(definition, asCurrentUser(actor), input);
    await report(result.ok ? { committed: index, data: result.data } : { refused: result.error });
    if (!result.ok) process.exit(1);
  }
  process.exit(0);
});
await report({ ready: true });
