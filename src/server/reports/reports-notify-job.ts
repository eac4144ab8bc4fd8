import 'server-only';
import { defineRunNotifyQueue } from '../jobs/run-notify-queue';
import { notifyReportsReady, reportRunsToNotify } from './notify-reports-ready';

export const REPORTS_NOTIFY_QUEUE = 'reports-notify';

/**
 * "Your annual report is ready" messages: a report run's last batch nudges it; the sweep every five minutes
 * finds completed runs not yet marked notified.
 */
const reportsNotify = defineRunNotifyQueue({
  name: REPORTS_NOTIFY_QUEUE,
  tag: 'reports',
  what: 'residents of their annual report',
  notify: notifyReportsReady,
  runsToNotify: reportRunsToNotify,
});

export const reportsNotifyQueue = reportsNotify.queue;
export const sendReportsNotifyJob = reportsNotify.nudge;
