import 'server-only';
import type { TPaymentChannel, TPaymentStatus, TUtility } from '../db/schema';

/** A payment as a payer or staff member reads it. */
export type TPaymentView = {
  id: string;
  status: TPaymentStatus;
  channel: TPaymentChannel;
  scope: 'bill' | 'balance' | 'collection';
  amountFen: number;
  refundedFen: number;
  currency: string;
  methodType: string | null;
  /** The last failed try's code (a declined card), while the payment is still open. */
  failureCode: string | null;
  createdAt: Date;
  succeededAt: Date | null;
  account: { id: number; accountNumber: string; utility: TUtility; maskedHolder: string };
  /** Bills this payment settled (oldest first), as recorded when it succeeded. */
  allocations: { billId: number; period: string; amountFen: number }[];
  /** Credit left on the account by this payment (paid beyond the open bills). */
  creditFen: number;
  /** For the public receipt link; only handed to the guest who paid. */
  receiptToken: string;
};

export type TPaymentListItem = Pick<
  TPaymentView,
  | 'id'
  | 'status'
  | 'channel'
  | 'amountFen'
  | 'refundedFen'
  | 'currency'
  | 'methodType'
  | 'createdAt'
  | 'succeededAt'
>;
