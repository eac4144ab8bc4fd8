import 'server-only';
import { z } from 'zod';
import { defineJobQueue, type TJobQueue } from './define-job-queue';
import { sendJob } from './send-job';

const ZRunJobSchema = z.object({ runId: z.number().int().positive() });

/**
 * A queue that tells people about what a run produced ("your bill is ready", "your annual report
 * is ready"), and its nudge. A job names its run; the cron tick (empty data) sweeps the runs the
 * domain says still need telling (a lost nudge, a run finished elsewhere). `notify` must be
 * idempotent (dedupe keys), so a run named twice is harmless.
 */
export function defineRunNotifyQueue(spec: {
  name: string;
  /** Log prefix, e.g. `billing`. */
  tag: string;
  /** What the people were told of, for the log line ("of their bill"). */
  what: string;
  notify(runId: number): Promise<{ notified: number }>;
  runsToNotify(): Promise<number[]>;
}): { queue: TJobQueue; nudge(runId: number): Promise<void> } {
  const queue = defineJobQueue({
    name: spec.name,
    batchSize: 5,
    pollingIntervalSeconds: 1,
    cron: '*/5 * * * *',
    async handle(jobs) {
      const runIds = new Set<number>();
      for (const job of jobs) {
        const parsed = ZRunJobSchema.safeParse(job.data);
        if (parsed.success) runIds.add(parsed.data.runId);
        else for (const id of await spec.runsToNotify()) runIds.add(id);
      }
      for (const runId of [...runIds].sort((a, b) => a - b)) {
        const { notified } = await spec.notify(runId);
        if (notified > 0) console.log(`[${spec.tag}] run ${runId}: told ${notified} ${spec.what}`);
      }
    },
  });

  /**
   * Asks the worker to tell people of a run's results. Call it after they committed; it never
   * throws: if the nudge is lost, the cron sweep finds the run.
   */
  async function nudge(runId: number): Promise<void> {
    try {
      await sendJob(
        spec.name,
        { runId },
        {
          singletonKey: `${spec.name}-${runId}`,
          retryLimit: 5,
          retryDelay: 30,
          retryBackoff: true,
        },
      );
    } catch (error) {
      console.error(
        `[${spec.tag}] could not queue ${spec.name} for run ${runId}; the sweep will:`,
        error,
      );
    }
  }

  return { queue, nudge };
}
