import 'server-only';
import { Decimal } from '@/lib/decimal';
import { fenFromYuan, trimUnitPrice } from '@/lib/money';

/**
 * The waiver maths (pure, no database, no clock). A waiver is computed from the lines a bill
 * carries — the current month's computed lines in a billing run, or the stored lines of a bill
 * issued before the grant was approved — never from a recomputation of the tariff. Each waiver
 * line is rounded once, half-up, like every bill line (ADR 007).
 */

export type TWaiverRule = {
  grantId: number;
  programCode: string;
  nameZh: string;
  nameEn: string;
  ruleKind: 'allowance' | 'fixed_share';
  /** Free units a month for this account's utility ('allowance'); null = none for it. */
  allowance: string | null;
  /** Percent of fixed charges waived ('fixed_share'). */
  fixedSharePercent: string | null;
};

/** The part of a bill line the waiver maths reads. */
export type TWaivableLine = {
  kind: string;
  quantity: string | null;
  unitPrice: string | null;
  amountFen: number;
  explanation?: { key: string; values?: Record<string, string | number> } | null;
};

export type TAssistanceLine = {
  kind: 'waiver' | 'credit';
  tierNo: null;
  quantity: string | null;
  unitPrice: string | null;
  amountFen: number;
  explanation: { key: string; values: Record<string, string | number> };
};

const UNIT = { water: 'm³', electricity: 'kWh' } as const;

/**
 * The waiver lines one grant gives one bill.
 *
 * - allowance: the first `allowance` units of the month are free, priced at the tier lines
 *   they were billed at, in bill order ("低保户减免 10 m³ × ¥3.45 = −¥34.50"); a month used
 *   less than the allowance waives what was used.
 * - fixed_share: the share of the month's fixed charges ("固定费 ¥5.00 的 50%").
 */
export function computeWaiverLines(
  rule: TWaiverRule,
  utility: 'water' | 'electricity',
  lines: readonly TWaivableLine[],
): TAssistanceLine[] {
  const common = {
    nameZh: rule.nameZh,
    nameEn: rule.nameEn,
    program: rule.programCode,
    grantId: rule.grantId,
  };
  if (rule.ruleKind === 'allowance') {
    if (rule.allowance === null) return [];
    let remaining = new Decimal(rule.allowance);
    const out: TAssistanceLine[] = [];
    for (const line of lines) {
      if (remaining.lte(0)) break;
      if (line.kind !== 'tier' || line.quantity === null || line.unitPrice === null) continue;
      const quantity = Decimal.min(remaining, line.quantity);
      if (quantity.lte(0)) continue;
      remaining = remaining.minus(quantity);
      const unitPrice = trimUnitPrice(line.unitPrice);
      const amountFen = fenFromYuan(quantity.times(unitPrice).negated());
      if (amountFen === 0) continue;
      const unit = line.explanation?.values?.unit;
      out.push({
        kind: 'waiver',
        tierNo: null,
        quantity: quantity.toFixed(),
        unitPrice,
        amountFen,
        explanation: {
          key: 'assistance.line.allowance',
          values: {
            ...common,
            quantity: quantity.toFixed(),
            unit: typeof unit === 'string' ? unit : UNIT[utility],
            unitPrice,
            amountFen,
          },
        },
      });
    }
    return out;
  }
  if (rule.fixedSharePercent === null) return [];
  const baseFen = lines.filter((l) => l.kind === 'fixed').reduce((s, l) => s + l.amountFen, 0);
  if (baseFen <= 0) return [];
  const amountFen = fenFromYuan(
    new Decimal(baseFen).times(rule.fixedSharePercent).dividedBy(100).dividedBy(100).negated(),
  );
  if (amountFen === 0) return [];
  const percent = new Decimal(rule.fixedSharePercent).toFixed();
  return [
    {
      kind: 'waiver',
      tierNo: null,
      quantity: null,
      unitPrice: null,
      amountFen,
      explanation: {
        key: 'assistance.line.fixedShare',
        values: { ...common, percent, baseFen, amountFen },
      },
    },
  ];
}

/**
 * The credit for a bill issued before the grant was approved: the waiver that bill would have
 * carried, computed from its billed lines, as one 'credit' line naming the month it is for.
 * Null when that bill had nothing to waive.
 */
export function computeLateCreditLine(
  rule: TWaiverRule,
  utility: 'water' | 'electricity',
  bill: { id: number; period: string; lines: readonly TWaivableLine[] },
): TAssistanceLine | null {
  const amountFen = computeWaiverLines(rule, utility, bill.lines).reduce(
    (sum, line) => sum + line.amountFen,
    0,
  );
  if (amountFen === 0) return null;
  return {
    kind: 'credit',
    tierNo: null,
    quantity: null,
    unitPrice: null,
    amountFen,
    explanation: {
      key: 'assistance.line.credit',
      values: {
        nameZh: rule.nameZh,
        nameEn: rule.nameEn,
        program: rule.programCode,
        grantId: rule.grantId,
        period: bill.period,
        billId: bill.id,
        amountFen,
      },
    },
  };
}
