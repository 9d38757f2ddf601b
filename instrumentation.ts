/**
 * Runs once per Next.js server process (`next start`, `next dev`): starts the background jobs.
 * Not in the Edge runtime, not while `next build` prerenders, and not when ACCORD_JOBS=off.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.ACCORD_JOBS === 'off') {
    return;
  }
  const [{ startJobs }, { logger }] = await Promise.all([
    import('./server/jobs/boss'),
    import('./lib/observability/logger'),
  ]);
  // Not awaited: the app serves pages while pg-boss connects; a failure is logged, not fatal.
  startJobs().catch((error: unknown) =>
    logger.error({ err: error }, 'the background jobs could not start'),
  );
}
