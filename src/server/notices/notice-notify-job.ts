import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '../db';
import { noticeRevisions, notices } from '../db/schema';
import { defineJobQueue } from '../jobs/define-job-queue';
import { sendJob } from '../jobs/send-job';
import { notifyNoticeRecipients } from './notify-notice-recipients';
import { notifyRevisionRecipients } from './notify-revision-recipients';

export const NOTICE_NOTIFY_QUEUE = 'notice-notify';

const ZNoticeNotifyJobSchema = z.union([
  z.object({ noticeId: z.number().int().positive() }),
  z.object({ revisionId: z.number().int().positive() }),
]);
type TNoticeNotifyJob = z.infer<typeof ZNoticeNotifyJobSchema>;

/**
 * Asks the worker to tell the residents of a just-published notice (`noticeId`), or those
 * already told about a notice that was just revised or cancelled (`revisionId`). Called after
 * the change committed; never throws: if the nudge is lost, the queue's cron sweep finds every
 * published notice and every revision not yet marked notified within five minutes.
 */
export async function sendNoticeNotifyJob(job: number | TNoticeNotifyJob): Promise<void> {
  const data = typeof job === 'number' ? { noticeId: job } : job;
  const key =
    'noticeId' in data ? `notice-notify-${data.noticeId}` : `revision-notify-${data.revisionId}`;
  try {
    await sendJob(NOTICE_NOTIFY_QUEUE, data, {
      singletonKey: key,
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
    });
  } catch (error) {
    console.error(`[notices] could not queue ${key}; the sweep will notify:`, error);
  }
}

/** Published notices and revisions the notify job has not finished (lost nudge, crash). */
async function unfinishedWork(): Promise<TNoticeNotifyJob[]> {
  const db = await getDb();
  const [pendingNotices, pendingRevisions] = await Promise.all([
    db
      .select({ id: notices.id })
      .from(notices)
      .where(and(eq(notices.status, 'published'), isNull(notices.notifiedAt)))
      .orderBy(notices.id)
      .limit(100),
    db
      .select({ id: noticeRevisions.id })
      .from(noticeRevisions)
      .where(isNull(noticeRevisions.notifiedAt))
      .orderBy(noticeRevisions.id)
      .limit(100),
  ]);
  return [
    ...pendingNotices.map((r) => ({ noticeId: r.id })),
    ...pendingRevisions.map((r) => ({ revisionId: r.id })),
  ];
}

/**
 * Works notice notifications. A job names its notice or revision; the cron tick (empty data)
 * sweeps every published notice and every revision not yet notified. Every path is
 * idempotent (deliverInBatches). Revisions go first: residents told the old text hear of the
 * change before anyone newly targeted is told the new one.
 */
export const noticeNotifyQueue = defineJobQueue({
  name: NOTICE_NOTIFY_QUEUE,
  batchSize: 5,
  pollingIntervalSeconds: 1,
  cron: '*/5 * * * *',
  async handle(jobs) {
    const work = new Map<string, TNoticeNotifyJob>();
    const add = (job: TNoticeNotifyJob) =>
      work.set('noticeId' in job ? `n${job.noticeId}` : `r${job.revisionId}`, job);
    for (const job of jobs) {
      const parsed = ZNoticeNotifyJobSchema.safeParse(job.data);
      if (parsed.success) add(parsed.data);
      else for (const pending of await unfinishedWork()) add(pending);
    }
    const ordered = [...work.values()].sort(
      (a, b) => Number('noticeId' in a) - Number('noticeId' in b),
    );
    for (const job of ordered) {
      if ('revisionId' in job) {
        const report = await notifyRevisionRecipients(job.revisionId);
        if (report.notified > 0)
          console.log(`[notices] revision ${job.revisionId}: told ${report.notified} residents`);
      } else {
        const report = await notifyNoticeRecipients(job.noticeId);
        if (report.notified > 0)
          console.log(`[notices] notice ${job.noticeId}: told ${report.notified} residents`);
      }
    }
  },
});
