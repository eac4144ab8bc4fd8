import 'server-only';
import { defineJobQueue } from '../jobs/define-job-queue';
import { purgeDecidedDocuments } from './purge-decided-documents';
import { sendRenewalReminders } from './send-renewal-reminders';

/** Every morning: renewal reminders 30 and 7 days before a waiver ends (each sent once). */
export const assistanceRenewalRemindersQueue = defineJobQueue({
  name: 'assistance-renewal-reminders',
  cron: '0 0 * * *', // 08:00 in Shanghai (pg-boss cron runs in UTC)
  batchSize: 1,
  async handle() {
    await sendRenewalReminders();
  },
});

/** Every night: delete documents of applications decided longer ago than the retention. */
export const assistanceDocumentPurgeQueue = defineJobQueue({
  name: 'assistance-document-purge',
  cron: '15 18 * * *', // 02:15 in Shanghai
  batchSize: 1,
  async handle() {
    await purgeDecidedDocuments();
  },
});
