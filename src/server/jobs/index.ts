import 'server-only';

export { defineJobQueue, type TJobQueue } from './define-job-queue';
export { getBoss } from './get-boss';
export { sendJob } from './send-job';
export { startJobWorkers } from './start-job-workers';
export { stopJobs, stopJobsOnSignals } from './stop-jobs';
