import 'server-only';
import { jobsState, markBossStopped } from './get-boss';

/**
 * Stops this process's pg-boss gracefully: no new fetches, jobs in hand get up to `timeoutMs`
 * to finish. The database itself stays open (its owner closes it).
 */
export async function stopJobs({ timeoutMs = 10_000 } = {}): Promise<void> {
  const state = jobsState();
  const pending = state.boss;
  state.boss = undefined;
  state.workers = undefined;
  state.queues.clear();
  if (!pending) return;
  const boss = await pending.catch(() => undefined);
  if (!boss) return;
  markBossStopped(boss);
  await boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
}

/**
 * Stops jobs on SIGTERM/SIGINT. If nothing else handles the signal (the Next server does), it
 * is raised again afterwards so the process ends as it would have.
 */
export function stopJobsOnSignals(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void stopJobs()
        .catch((error: unknown) => console.error('[jobs] stopping pg-boss failed:', error))
        .finally(() => {
          if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
        });
    });
  }
}
