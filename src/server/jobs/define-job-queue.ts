import 'server-only';
import type PgBoss from 'pg-boss';

/**
 * One background job kind: its pg-boss queue and the handler that works it. Each capability
 * declares its queues in its own folder (`src/server/mail/deliver-mail-job.ts`, later billing
 * runs, annual reports, escalations) and lists them in `src/server/jobs/queues.ts`.
 */
export type TJobQueue = {
  /** pg-boss queue name: letters, digits, `-` and `_`. */
  name: string;
  /**
   * Works a batch: pg-boss hands over an array. Job data comes from the database, so the
   * handler parses it (zod) rather than trusting a type. Throwing fails the whole batch and
   * pg-boss retries it per `retryLimit`.
   */
  handle(jobs: PgBoss.Job<unknown>[]): Promise<void>;
  /** Jobs fetched per call (default 10). */
  batchSize?: number;
  /** How often an idle worker polls, in seconds (pg-boss default 2; minimum 0.5). */
  pollingIntervalSeconds?: number;
  /** A cron expression: pg-boss sends an empty job on this schedule (shared by all processes). */
  cron?: string;
};

/** Identity function that gives a queue declaration its type. */
export function defineJobQueue(queue: TJobQueue): TJobQueue {
  return queue;
}
