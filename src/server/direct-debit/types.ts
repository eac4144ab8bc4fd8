import 'server-only';
import type { TCollectionStatus, TMandateStatus, TUtility } from '../db/schema';
import type { TBilingual } from '../accounts/types';

export type { TCollectionStatus, TMandateStatus };

/** A mandate as a resident or staff member reads it: masked details only. */
export type TMandateSummary = {
  id: number;
  status: TMandateStatus;
  methodType: string;
  methodLabel: string | null;
  methodLast4: string | null;
  currency: string;
  createdAt: Date;
  activatedAt: Date | null;
  canceledAt: Date | null;
  cancelReason: string | null;
  failureCode: string | null;
  replacesMandateId: number | null;
};

export type TCollectionSummary = {
  id: number;
  billId: number;
  /** The billed month (YYYY-MM-01). */
  billPeriod: string;
  amountFen: number;
  currency: string;
  collectOn: string;
  noticeSentAt: Date | null;
  status: TCollectionStatus;
  attemptCount: number;
  nextAttemptOn: string | null;
  lastFailureCode: string | null;
  closedReason: string | null;
  disputedAt: Date | null;
  updatedAt: Date;
};

/** Everything the resident's direct-debit page shows for one account. */
export type TDirectDebitOverview = {
  account: {
    id: number;
    accountNumber: string;
    utility: TUtility;
    address: TBilingual;
  };
  /** The mandate collecting now, if any. */
  active: TMandateSummary | null;
  /** A set-up (or change) waiting for the provider's confirmation. */
  pending: TMandateSummary | null;
  /** The latest set-up that failed, when it is newer than the active mandate. */
  lastFailed: TMandateSummary | null;
  upcoming: TCollectionSummary[];
  history: TCollectionSummary[];
  noticeDays: number;
};
