import 'server-only';

export { startBillingRun, type TStartBillingRunResult } from './start-billing-run';
export {
  executeBillingRun,
  type TExecuteBillingRunOptions,
  type TExecuteBillingRunResult,
} from './execute-billing-run';
export { billingRunQueue, sendBillingRunJob, BILLING_RUN_QUEUE } from './billing-run-job';
export { billsNotifyQueue, sendBillsNotifyJob, BILLS_NOTIFY_QUEUE } from './bills-notify-job';
export { notifyBillsIssued } from './notify-bills-issued';
export { listBillingRuns, type TBillingRunSummary } from './list-billing-runs';
export { getBillingRun, type TBillingRunDetail } from './get-billing-run';
export { listBillingExceptions, type TBillingExceptionRow } from './list-billing-exceptions';
export {
  resolveBillingException,
  type TResolveBillingExceptionResult,
} from './resolve-billing-exception';
export { describeBillingPeriod, type TBillingPeriod } from './describe-billing-period';
export { BILL_DUE_DAYS } from './billing-rules';
