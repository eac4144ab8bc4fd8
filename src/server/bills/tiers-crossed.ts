import 'server-only';
import type { TBillLine } from './types';

/**
 * The tiers a bill moved into during its month, read from its own tier lines: a month billed
 * at tiers 1 and 2 crossed into tier 2. (A price change inside the month repeats tier numbers
 * for each part; the set takes care of that.)
 */
export function tiersCrossed(lines: Pick<TBillLine, 'kind' | 'tierNo'>[]): number[] {
  const tiers = [
    ...new Set(lines.flatMap((l) => (l.kind === 'tier' && l.tierNo !== null ? [l.tierNo] : []))),
  ].sort((a, b) => a - b);
  return tiers.slice(1);
}
