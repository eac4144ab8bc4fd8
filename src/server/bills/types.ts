import 'server-only';
import type { TUtility } from '../db/schema';
import type { TBilingual } from '../accounts/types';

export type TBillLineKind = 'tier' | 'fixed' | 'surcharge' | 'adjustment' | 'waiver' | 'credit';

/** What the billing run stored for one line; the page renders it, never recomputes it. */
export type TBillLine = {
  lineNo: number;
  kind: TBillLineKind;
  tierNo: number | null;
  /** Decimal string (kWh or m³), null for fixed charges. */
  quantity: string | null;
  /** Decimal string in yuan per unit, null for fixed charges. */
  unitPrice: string | null;
  amountFen: number;
  explanation: { key: string; values?: Record<string, string | number> } | null;
};

/** A bill as listed: one row per billed month. */
export type TBillSummary = {
  id: number;
  /** First day of the billed month (YYYY-MM-DD). */
  period: string;
  usage: string;
  estimated: boolean;
  totalFen: number;
  currency: string;
  issuedOn: string;
  /** Null when the bill asks for nothing (total ≤ ¥0): no due date is shown for it. */
  dueOn: string | null;
};

export type TBillWithLines = TBillSummary & {
  readingFrom: string | null;
  readingTo: string | null;
  lines: TBillLine[];
};

export type TBillDetail = TBillWithLines & {
  utility: TUtility;
  account: {
    id: number;
    accountNumber: string;
    holderName: string;
    address: TBilingual;
    householdSize: number;
  };
  tariff: { name: TBilingual; tierPeriod: 'year' | 'month' } | null;
  /** Tiers this bill moved into during the month (from its own lines). */
  tiersCrossed: number[];
  /** What the account owes now: the sum of its ledger. */
  balanceFen: number;
  /** The bill for the month before, for "why is this bill different". */
  previous: TBillWithLines | null;
};

/** Where a bill stands with payment (billPaymentState). */
export type TBillPaymentState =
  | { kind: 'nothing-to-pay' }
  | { kind: 'paid' }
  | {
      kind: 'owed';
      /** What is still owed on this bill, in fen (never more than its total). */
      openFen: number;
      partlyPaid: boolean;
      /** Its due date has passed (in the utility's time zone). */
      overdue: boolean;
    };

export type TAccountBills = {
  account: { id: number; accountNumber: string; utility: TUtility; address: TBilingual };
  balanceFen: number;
  currency: string;
  bills: (TBillSummary & { payment: TBillPaymentState })[];
  /** Period to pass as `before` for the next (older) page, null when there is none. */
  olderBefore: string | null;
};

/** Per account, what the dashboard card says about money. */
export type TAccountBillingSummary = {
  accountId: number;
  balanceFen: number;
  currency: string;
  latestBill: Pick<TBillSummary, 'id' | 'period' | 'totalFen' | 'dueOn' | 'estimated'> | null;
  /**
   * Money is owed and the latest bill's due date has passed (in the utility's time zone). The
   * balance includes every earlier bill, so all of it is then late.
   */
  overdue: boolean;
};
