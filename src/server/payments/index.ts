import 'server-only';

export type * from './types';
export type * from './dto';
export { getStripe, PaymentsUnavailableError } from './get-stripe';
export { createStripeProvider, WEBHOOK_TOLERANCE_SECONDS } from './create-stripe-provider';
export { getPaymentProvider, installPaymentProvider } from './get-payment-provider';
export {
  paymentMode,
  webhookSecret,
  SANDBOX_WEBHOOK_SECRET,
  type TPaymentMode,
} from './payment-settings';
export { getAccountBalance, listOpenBills } from './ledger';
export {
  allocateOldestFirst,
  amountToSettleBalance,
  amountToSettleBill,
  deriveOpenBills,
  type TOpenBill,
} from './allocation';
export {
  applyPaymentOutcome,
  lockPaymentByRefs,
  type TPaymentOutcome,
} from './apply-payment-outcome';
export {
  paymentStatusListeners,
  type TPaymentStatusChange,
  type TPaymentStatusListener,
} from './payment-status-listeners';
export { handleStripeWebhook } from './webhooks/handle-stripe-webhook';
export { processStripeEvent } from './webhooks/process-stripe-event';
export { HANDLED_EVENT_TYPES } from './webhooks/handlers';
export {
  startCheckoutPayment,
  CHECKOUT_METHODS,
  type TPayer,
  type TStartCheckoutResult,
} from './start-checkout-payment';
export { getPayment } from './get-payment';
export { getPaymentByReceiptToken } from './get-payment-by-receipt-token';
export { listAccountPayments } from './list-account-payments';
export { maskHolderName } from './mask-holder-name';
export {
  GUEST_PAY_TICKET_MINUTES,
  issueGuestPayTicket,
  readGuestPayTicket,
} from './guest-pay-ticket';
export { verifyGuestPayer } from './verify-guest-payer';
export { getGuestAmountDue, type TGuestAmountDue } from './get-guest-amount-due';
export { getPayOptions, payOptionsPart, type TPayOptions } from './get-pay-options';
export { getReceiptPdf } from './get-receipt-pdf';
export { requestRefund, type TRequestRefundResult } from './request-refund';
export { decideRefund, type TDecideRefundResult } from './decide-refund';
export { reconcilePayments, type TReconciliationSummary } from './reconcile-payments';
export {
  listStaffPayments,
  listStaffRefunds,
  getStaffPayment,
  listReconciliationReport,
  type TStaffPaymentRow,
  type TStaffRefundRow,
} from './staff-payments';
