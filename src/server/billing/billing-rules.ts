import 'server-only';
import type { TUtility } from '../db/schema';

/**
 * The rules a billing run applies, in one place so staff questions ("why was this held back?")
 * have one answer.
 */

/** Days a resident has to pay: the due date is the issue date plus this (a common 20-day term). */
export const BILL_DUE_DAYS = 20;

/** Months of reading history a run looks at for estimates and for the usage-spike check. */
export const HISTORY_MONTHS = 12;

/**
 * A month is a usage spike when it is more than SPIKE_FACTOR times the household's own average
 * (over at least SPIKE_MIN_HISTORY months with a real reading) AND above that average by more
 * than SPIKE_MIN_EXCESS units: a summer air-conditioning peak (≈ 1.6 × average) is not a
 * spike; a tripled month, or a leak, is held back for staff.
 */
export const SPIKE_FACTOR = 3;
export const SPIKE_MIN_HISTORY = 3;
export const SPIKE_MIN_EXCESS: Record<TUtility, number> = { electricity: 300, water: 15 };

/** Accounts per batch: one transaction, one read and one write statement each. */
export const BILLING_BATCH_SIZE = 5_000;

/** Batches in flight at once in one process (one computes while the database writes the other). */
export const BILLING_CONCURRENCY = 2;
