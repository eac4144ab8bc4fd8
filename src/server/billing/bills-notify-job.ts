import 'server-only';
import { defineRunNotifyQueue } from '../jobs/run-notify-queue';
import { notifyBillsIssued, runsToNotify } from './notify-bills-issued';

export const BILLS_NOTIFY_QUEUE = 'bills-notify';

/**
 * "Your bill is ready" messages: a completed billing run (or a bill released from an exception)
 * nudges it; the sweep every five minutes finds completed runs not yet marked notified.
 */
const billsNotify = defineRunNotifyQueue({
  name: BILLS_NOTIFY_QUEUE,
  tag: 'billing',
  what: 'residents of their bill',
  notify: notifyBillsIssued,
  runsToNotify,
});

export const billsNotifyQueue = billsNotify.queue;
export const sendBillsNotifyJob = billsNotify.nudge;
