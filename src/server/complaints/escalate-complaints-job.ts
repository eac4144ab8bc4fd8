import 'server-only';
import { defineJobQueue } from '../jobs/define-job-queue';
import { escalateOverdueComplaints } from './escalate-overdue-complaints';

export const ESCALATE_COMPLAINTS_QUEUE = 'complaints-escalate';

/**
 * Every minute (pg-boss cron, one job per minute across all processes): escalates the cases
 * whose deadlines passed. A fault's 45-minute promise is checked at most a minute late.
 */
export const escalateComplaintsQueue = defineJobQueue({
  name: ESCALATE_COMPLAINTS_QUEUE,
  cron: '* * * * *',
  batchSize: 1,
  async handle() {
    const pass = await escalateOverdueComplaints();
    if (pass.firstResponse + pass.answer > 0)
      console.info(
        `[complaints] escalated ${pass.firstResponse} first-response and ${pass.answer} answer deadlines`,
      );
  },
});
