import 'server-only';
import { defineJobQueue } from '../jobs/define-job-queue';
import { remindOverdueBills } from './remind-overdue-bills';

/** Every morning: remind residents of bills past their due date and still owed (each once). */
export const overdueBillRemindersQueue = defineJobQueue({
  name: 'bills-overdue-reminders',
  cron: '0 1 * * *', // 09:00 in Shanghai (pg-boss cron runs in UTC)
  batchSize: 1,
  async handle() {
    await remindOverdueBills();
  },
});
