/**
 * Node-only start-up of a Next server process (imported by instrumentation.ts only in the
 * Node.js runtime, so the edge bundle never sees process.exit or the database).
 * Starts the pg-boss workers in this process when it owns the jobs: always with PGlite (one
 * process owns the embedded database), and on PostgreSQL when JOBS_IN_SERVER=true (otherwise
 * `npm run worker` runs them).
 */
function refuseToStart(error: unknown): never {
  console.error(
    `\n✗ Wanjia refuses to start.\n${error instanceof Error ? error.message : String(error)}\n`,
  );
  return process.exit(1);
}

export async function startServerProcess(): Promise<void> {
  // Before any request: what the database pool opens later must not keep a request alive.
  const { captureStartupContext, formatAbortReasonStacks } =
    await import('./server/process/outside-requests');
  captureStartupContext();
  formatAbortReasonStacks();
  // A server with bad settings (e.g. no AUTH_SECRET in production) must not start at all.
  const { env, isBuildPhase } = await import('./env').catch(refuseToStart);
  if (isBuildPhase()) return;
  if (!env.DATABASE_URL) {
    // The embedded database belongs to one process: take it now, so a second server on the
    // same directory stops here with the lock message instead of failing on every request.
    try {
      const { getDatabaseHandle } = await import('./server/db');
      await getDatabaseHandle();
    } catch (error) {
      refuseToStart(error);
    }
  }
  if (env.DATABASE_URL && !env.JOBS_IN_SERVER) {
    console.info(
      '[jobs] background jobs are not run by this server (PostgreSQL without JOBS_IN_SERVER=true); run `npm run worker`.',
    );
    return;
  }
  try {
    const { startJobWorkers, stopJobsOnSignals } = await import('./server/jobs');
    const queues = await startJobWorkers();
    stopJobsOnSignals();
    console.info(
      `[jobs] pg-boss started on ${env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; working: ${queues.join(', ')}`,
    );
  } catch (error) {
    // Pages keep working; mail stays queued in the outbox until jobs run again.
    console.error(
      '[jobs] FAILED to start background jobs: outgoing mail and other jobs will not run in this server.',
      error,
    );
  }
}
