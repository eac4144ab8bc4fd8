import 'server-only';
import { ensureQueue, getBoss, jobsState } from './get-boss';
import { jobQueues } from './queues';

/**
 * Starts a worker for every registered queue in this process and registers their schedules.
 * Called once by the Next server (instrumentation.ts) or by `npm run worker`; calling it again
 * returns the same start. Returns the queue names being worked.
 */
export async function startJobWorkers(): Promise<string[]> {
  const state = jobsState();
  state.workers ??= (async () => {
    const boss = await getBoss();
    for (const queue of jobQueues) {
      await ensureQueue(boss, queue.name);
      await boss.work(
        queue.name,
        {
          batchSize: queue.batchSize ?? 10,
          pollingIntervalSeconds: queue.pollingIntervalSeconds ?? 2,
        },
        (jobs) => queue.handle(jobs),
      );
      if (queue.cron) {
        await boss.schedule(queue.name, queue.cron, {}, { tz: 'Asia/Shanghai' });
      }
    }
    return jobQueues.map((q) => q.name);
  })().catch((error: unknown) => {
    state.workers = undefined;
    throw error;
  });
  return state.workers;
}
