import 'server-only';
import type { TUtility } from '../db/schema';

export type TAccountStatus = 'active' | 'suspended' | 'closed';
export type TReadingKind = 'actual' | 'estimated' | 'customer';

/** Text kept in both languages; the page shows the active one. */
export type TBilingual = { zh: string; en: string };

export type TMeterReading = {
  /** First day of the month the reading closes (YYYY-MM-DD). */
  period: string;
  readOn: string;
  /** Cumulative register value, decimal string. */
  reading: string;
  /** Usage since the previous reading, decimal string. */
  consumption: string;
  kind: TReadingKind;
  meterSerial: string;
};

/**
 * What the dashboard needs to say about the latest readings:
 * none = no reading yet; estimated = the latest one was estimated; missing = a month is missing
 * between the last two readings.
 */
export type TReadingNote = 'none' | 'estimated' | 'missing' | null;

export type TLinkedAccountSummary = {
  id: number;
  accountNumber: string;
  utility: TUtility;
  status: TAccountStatus;
  address: TBilingual;
  district: TBilingual;
  householdSize: number;
  meterSerial: string | null;
  /** Newest first, at most two. */
  lastReadings: TMeterReading[];
  readingNote: TReadingNote;
};

export type TLinkedAccountDetail = TLinkedAccountSummary & {
  holderName: string;
  openedOn: string;
  linkedAt: Date;
  meters: { serialNumber: string; installedOn: string; removedOn: string | null }[];
};
