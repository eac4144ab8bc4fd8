/**
 * `npm run worker`: works every background-job queue against PostgreSQL, as its own process
 * (scale these separately from the web servers). With PGlite the Next server already runs the
 * jobs and no second process may open the database, so this refuses.
 */
import { env } from '@/env';
import { closeDatabase } from '@/server/db';
import { startJobWorkers, stopJobs } from '@/server/jobs';

if (!env.DATABASE_URL) {
  console.error(
    'npm run worker needs PostgreSQL: set DATABASE_URL. With the embedded PGlite database the ' +
      'Next server (npm run dev / npm start) already runs the background jobs, and PGlite allows ' +
      'only one process.',
  );
  process.exit(1);
}

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.info(`[worker] ${signal}: finishing jobs in hand…`);
  try {
    await stopJobs({ timeoutMs: 30_000 });
    await closeDatabase();
    console.info('[worker] stopped.');
    process.exit(0);
  } catch (error) {
    console.error('[worker] could not stop cleanly:', error);
    process.exit(1);
  }
}
process.once('SIGTERM', (signal) => void shutdown(signal));
process.once('SIGINT', (signal) => void shutdown(signal));

try {
  const queues = await startJobWorkers();
  console.info(`[worker] pg-boss started on PostgreSQL; working: ${queues.join(', ')}`);
} catch (error) {
  console.error('[worker] could not start the job workers:', error);
  await closeDatabase().catch(() => undefined);
  process.exit(1);
}
