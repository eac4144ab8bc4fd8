import { describe, expect, it } from 'vitest';
import { getTranslator } from '@/server/i18n/get-translator';
import { formatUnitPrice, renderBillLine } from './render-bill-line';
import type { TBillLine } from './types';

const zh = getTranslator('zh-CN');
const en = getTranslator('en');

function line(partial: Partial<TBillLine> & Pick<TBillLine, 'kind' | 'amountFen'>): TBillLine {
  return {
    lineNo: 1,
    tierNo: null,
    quantity: null,
    unitPrice: null,
    explanation: null,
    ...partial,
  };
}

const tier1: TBillLine = line({
  kind: 'tier',
  tierNo: 1,
  quantity: '150.00',
  unitPrice: '0.5380',
  amountFen: 8070,
  explanation: {
    key: 'bills.line.tier',
    values: { tier: 1, quantity: '150', unit: 'kWh', unitPrice: '0.538', amountFen: 8070 },
  },
});

describe('renderBillLine', () => {
  it.each([
    ['zh-CN', zh, '第一档 150 kWh × ¥0.538 = ¥80.70'],
    ['en', en, 'Tier 1: 150 kWh × ¥0.538 = ¥80.70'],
  ] as const)('explains a tier line in %s', (locale, t, expected) => {
    expect(renderBillLine(tier1, t, locale)).toBe(expected);
  });

  it('names tiers in Chinese words', () => {
    const third = line({
      ...tier1,
      tierNo: 3,
      explanation: { key: 'bills.line.tier', values: { ...tier1.explanation?.values, tier: 3 } },
    });
    expect(renderBillLine(third, zh, 'zh-CN')).toMatch(/^第三档 /);
  });

  it('gives the dates of each part when a price change split the month', () => {
    const part = line({
      kind: 'tier',
      tierNo: 1,
      amountFen: 4035,
      explanation: {
        key: 'bills.line.tierPart',
        values: {
          tier: 1,
          quantity: '75',
          unit: 'kWh',
          unitPrice: '0.538',
          amountFen: 4035,
          from: '2025-03-01',
          to: '2025-03-14',
        },
      },
    });
    expect(renderBillLine(part, zh, 'zh-CN')).toBe(
      '第一档（3月1日至3月14日）75 kWh × ¥0.538 = ¥40.35',
    );
    expect(renderBillLine(part, en, 'en')).toBe(
      'Tier 1 (Mar 1 – Mar 14): 75 kWh × ¥0.538 = ¥40.35',
    );
  });

  it('explains fixed charges and surcharges by their stored names', () => {
    const fixed = line({
      kind: 'fixed',
      amountFen: 500,
      explanation: { key: 'bills.line.fixed', values: { amountFen: 500 } },
    });
    const sewage = line({
      kind: 'surcharge',
      quantity: '11.00',
      unitPrice: '0.9500',
      amountFen: 1045,
      explanation: {
        key: 'bills.line.surcharge',
        values: {
          nameZh: '污水处理费',
          nameEn: 'Sewage treatment',
          quantity: '11',
          unit: 'm³',
          unitPrice: '0.95',
          amountFen: 1045,
        },
      },
    });
    expect(renderBillLine(fixed, zh, 'zh-CN')).toBe('每月固定费用 ¥5.00');
    expect(renderBillLine(sewage, zh, 'zh-CN')).toBe('污水处理费 11 m³ × ¥0.95 = ¥10.45');
    expect(renderBillLine(sewage, en, 'en')).toBe('Sewage treatment: 11 m³ × ¥0.95 = ¥10.45');
  });

  it('reads a line without an explanation by its kind and amount, negative amounts included', () => {
    const waiver = line({ kind: 'waiver', amountFen: -1500 });
    expect(renderBillLine(waiver, zh, 'zh-CN')).toBe('减免 -¥15.00');
    expect(renderBillLine(waiver, en, 'en')).toBe('Waiver: -¥15.00');
  });
});

describe('formatUnitPrice', () => {
  it.each([
    ['0.5380', '¥0.538'],
    ['5.0000', '¥5.00'],
    ['3.45', '¥3.45'],
    ['0.5469', '¥0.5469'],
    ['12', '¥12.00'],
  ])('reads %s as %s', (price, expected) => {
    expect(formatUnitPrice(price, 'zh-CN')).toBe(expected);
  });
});
