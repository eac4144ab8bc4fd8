import 'server-only';

export { getAnnualReport } from './get-annual-report';
export { listReportYears } from './list-report-years';
export { getReportPdf } from './get-report-pdf';
export { startReportRun } from './start-report-run';
export { listReportRuns } from './list-report-runs';
export {
  generateReportsQueue,
  closeReportRenderPool,
  reportRenderPool,
  GENERATE_REPORTS_QUEUE,
} from './generate-reports-job';
export {
  formatUsage,
  formatMonth,
  formatPercent,
  changeOnLastYear,
  USAGE_UNIT,
} from './format-report';
export { reportFileKey } from './report-file-key';
export {
  reportsNotifyQueue,
  sendReportsNotifyJob,
  REPORTS_NOTIFY_QUEUE,
} from './reports-notify-job';
export { notifyReportsReady } from './notify-reports-ready';
export type * from './types';
