import 'server-only';
import { deliverMailQueue, sweepMailQueue } from '../mail/deliver-mail-job';
import type { TJobQueue } from './define-job-queue';

/**
 * Every queue this app works. A capability with background work adds its queue here
 * (billing runs, annual reports, direct-debit collection, escalations, reminders).
 */
export const jobQueues: readonly TJobQueue[] = [deliverMailQueue, sweepMailQueue];
