import 'server-only';
import {
  computeLateCreditLine,
  computeWaiverLines,
  type TAssistanceLine,
  type TWaivableLine,
} from './compute-waiver-lines';
import type { TAccountAssistance } from './load-batch-assistance';

export type TAssistanceForBill = {
  /** Waiver lines for this month, then credit lines for earlier months. */
  lines: TAssistanceLine[];
  /** Sum of the credit lines (≤ 0): booked as its own 'waiver_credit' ledger entry. */
  creditFen: number;
  /** One per earlier bill credited, recorded so it is never credited twice. */
  credits: { grantId: number; billId: number; amountFen: number }[];
};

const NONE: TAssistanceForBill = { lines: [], creditFen: 0, credits: [] };

/** What the account's grants add to this month's bill, given its computed lines. */
export function applyAssistanceToBill(
  utility: 'water' | 'electricity',
  computedLines: readonly TWaivableLine[],
  assistance: TAccountAssistance | undefined,
): TAssistanceForBill {
  if (!assistance) return NONE;
  const lines: TAssistanceLine[] = [];
  // One allowance per bill (ADR 010): two allowance programmes never make the same units free
  // twice. Approval refuses an overlap; this holds even for grants that predate that check —
  // the earliest-approved allowance that waives anything applies.
  let allowanceApplied = false;
  const current = [...assistance.current].sort((a, b) => a.grantId - b.grantId);
  for (const rule of current) {
    if (rule.ruleKind === 'allowance' && allowanceApplied) continue;
    const waivers = computeWaiverLines(rule, utility, computedLines);
    if (rule.ruleKind === 'allowance' && waivers.length > 0) allowanceApplied = true;
    lines.push(...waivers);
  }
  const credits: TAssistanceForBill['credits'] = [];
  const seen = new Set<string>();
  let creditFen = 0;
  for (const { rule, bills } of assistance.owed) {
    for (const bill of bills) {
      // Allowances share one key: two owed to one earlier bill credit it once.
      const key = `${rule.ruleKind === 'allowance' ? 'allowance' : rule.programCode}|${bill.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const line = computeLateCreditLine(rule, utility, bill);
      if (!line) {
        // Nothing to waive on that bill: recorded anyway, so it is not read again next month.
        credits.push({ grantId: rule.grantId, billId: bill.id, amountFen: 0 });
        continue;
      }
      lines.push(line);
      creditFen += line.amountFen;
      credits.push({ grantId: rule.grantId, billId: bill.id, amountFen: line.amountFen });
    }
  }
  return { lines, creditFen, credits };
}
