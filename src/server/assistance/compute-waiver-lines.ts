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

/** One priced part of an allowance: units of a tier line, or of a surcharge line, waived. */
type TAllowancePart = {
  kind: 'tier' | 'surcharge';
  tierNo: number | null;
  nameZh: string;
  nameEn: string;
  quantity: Decimal;
  unitPrice: string;
  amountFen: number;
};

/**
 * The version share a computed line belongs to: lines of a month split by a price change carry
 * the share's first day (`from`); an unsplit month has one share.
 */
function shareOf(line: TWaivableLine): string {
  const from = line.explanation?.values?.from;
  return typeof from === 'string' ? from : '';
}

/**
 * The parts of an allowance: the first `allowance` units of the month at the tier lines they
 * were billed at, in bill order, then every per-unit surcharge on those same units (a surcharge
 * line of a share waives the units waived from that share's tier lines). Each part is its
 * units × the billed line's price, rounded once half-up, and its units never exceed the line's,
 * so no part exceeds the line it waives (the whole line waived gives exactly its amount).
 */
function allowanceParts(allowance: string, lines: readonly TWaivableLine[]): TAllowancePart[] {
  let remaining = new Decimal(allowance);
  const waivedByShare = new Map<string, Decimal>();
  const parts: TAllowancePart[] = [];
  for (const line of lines) {
    if (line.quantity === null || line.unitPrice === null) continue;
    const values = line.explanation?.values;
    let quantity: Decimal;
    if (line.kind === 'tier') {
      if (remaining.lte(0)) continue;
      quantity = Decimal.min(remaining, line.quantity);
      if (quantity.lte(0)) continue;
      remaining = remaining.minus(quantity);
      const share = shareOf(line);
      waivedByShare.set(share, (waivedByShare.get(share) ?? new Decimal(0)).plus(quantity));
    } else if (line.kind === 'surcharge') {
      const waived = waivedByShare.get(shareOf(line));
      if (!waived) continue;
      quantity = Decimal.min(waived, line.quantity);
    } else {
      continue;
    }
    const unitPrice = trimUnitPrice(line.unitPrice);
    const tier = values?.tier;
    parts.push({
      kind: line.kind,
      tierNo: typeof tier === 'number' ? tier : tier === undefined ? null : Number(tier),
      nameZh: typeof values?.nameZh === 'string' ? values.nameZh : '',
      nameEn: typeof values?.nameEn === 'string' ? values.nameEn : '',
      quantity,
      unitPrice,
      amountFen: fenFromYuan(quantity.times(unitPrice).negated()),
    });
  }
  return parts.filter((part) => part.amountFen !== 0);
}

/** Distinct names in first-seen order ("污水处理费、水资源费"). */
function distinctNames(names: string[], separator: string): string {
  return [...new Set(names)].join(separator);
}

/**
 * The waiver lines one grant gives one bill.
 *
 * - allowance: ONE line for the allowance units — their tier prices and every per-unit
 *   surcharge on them (sewage treatment on water), since the programme promises the units free.
 *   A month used less than the allowance waives what was used. A single part (one tier price,
 *   no surcharge) reads "低保户减免 10 kWh × ¥0.538 = −¥5.38"; otherwise the line lists its parts
 *   ("低保户减免 10 m³（含污水处理费）：第一档 10 m³ × ¥3.45 + 污水处理费 10 m³ × ¥0.95 = −¥44.00")
 *   and its amount is the sum of the parts.
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
    const parts = allowanceParts(rule.allowance, lines);
    if (parts.length === 0) return [];
    const quantity = parts
      .filter((part) => part.kind === 'tier')
      .reduce((sum, part) => sum.plus(part.quantity), new Decimal(0))
      .toFixed();
    const amountFen = parts.reduce((sum, part) => sum + part.amountFen, 0);
    const unit = UNIT[utility];
    const [only] = parts;
    if (parts.length === 1 && only?.kind === 'tier') {
      return [
        {
          kind: 'waiver',
          tierNo: null,
          quantity,
          unitPrice: only.unitPrice,
          amountFen,
          explanation: {
            key: 'assistance.line.allowance',
            values: { ...common, quantity, unit, unitPrice: only.unitPrice, amountFen },
          },
        },
      ];
    }
    const surcharges = parts.filter((part) => part.kind === 'surcharge');
    const values: Record<string, string | number> = {
      ...common,
      quantity,
      unit,
      amountFen,
      parts: parts.length,
      surchargesZh: distinctNames(
        surcharges.map((part) => part.nameZh),
        '、',
      ),
      surchargesEn: distinctNames(
        surcharges.map((part) => part.nameEn),
        ', ',
      ),
    };
    for (const [i, part] of parts.entries()) {
      values[`part${i}Kind`] = part.kind;
      if (part.tierNo !== null) values[`part${i}Tier`] = part.tierNo;
      if (part.kind === 'surcharge') {
        values[`part${i}NameZh`] = part.nameZh;
        values[`part${i}NameEn`] = part.nameEn;
      }
      values[`part${i}Quantity`] = part.quantity.toFixed();
      values[`part${i}UnitPrice`] = part.unitPrice;
      values[`part${i}AmountFen`] = part.amountFen;
    }
    return [
      {
        kind: 'waiver',
        tierNo: null,
        quantity,
        unitPrice: null,
        amountFen,
        explanation: { key: 'assistance.line.allowanceParts', values },
      },
    ];
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
