/**
 * npm run bills:remind-overdue — the daily overdue-bill reminders (the `bills-overdue-reminders`
 * job) run once now: each resident is told once per bill still owed after its due date
 * (src/server/bills/remind-overdue-bills.ts). Safe to repeat. The demo runs it after settling
 * the city's history, so residents find the reminder a running system would have sent.
 */
import { closeDatabase } from '@/server/db';
import { remindOverdueBills } from '@/server/bills';
import { stopJobs } from '@/server/jobs';

try {
  const started = Date.now();
  const { reminded } = await remindOverdueBills();
  console.log(
    `  ${reminded.toLocaleString()} reminders of overdue bills (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
} finally {
  // The reminders nudged the mail job through pg-boss: stop it, or the process stays open.
  await stopJobs().catch(() => undefined);
  await closeDatabase();
}
