import 'server-only';
import { bills, collections } from '../db/schema';

/** The columns of a collection a resident or staff member reads (join `bills` for the month). */
export const collectionSummaryColumns = {
  id: collections.id,
  billId: collections.billId,
  billPeriod: bills.period,
  amountFen: collections.amountFen,
  currency: collections.currency,
  collectOn: collections.collectOn,
  noticeSentAt: collections.noticeSentAt,
  status: collections.status,
  attemptCount: collections.attemptCount,
  nextAttemptOn: collections.nextAttemptOn,
  lastFailureCode: collections.lastFailureCode,
  closedReason: collections.closedReason,
  disputedAt: collections.disputedAt,
  updatedAt: collections.updatedAt,
};
