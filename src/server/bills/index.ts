import 'server-only';

export { billPart, getBill, getBillForStaff } from './get-bill';
export { listAccountBills, listAccountBillsForStaff } from './list-account-bills';
export {
  accountBillingSummariesPart,
  listAccountBillingSummaries,
} from './list-account-billing-summaries';
export { billPaymentState } from './bill-payment-state';
export { compareBills, daysInPeriod } from './compare-bills';
export type { TBillComparison, TDifferenceReason, TLineGroupChange } from './compare-bills';
export {
  renderBillLine,
  formatQuantity,
  formatUnitPrice,
  type TBillTranslate,
} from './render-bill-line';
export { getBillPdf } from './get-bill-pdf';
export { tiersCrossed } from './tiers-crossed';
export { remindOverdueBills, OVERDUE_REMINDER_WINDOW_DAYS } from './remind-overdue-bills';
export { overdueBillRemindersQueue } from './bills-jobs';
export type * from './types';
