import { describe, expect, it } from 'vitest';
import { fenFromYuan, formatFen, trimUnitPrice, yuanFromFen } from './money';

describe('formatFen', () => {
  it.each([
    [8070, 'zh-CN', '¥80.70'],
    [8070, 'en', '¥80.70'],
    [0, 'zh-CN', '¥0.00'],
    [5, 'en', '¥0.05'],
    [123456789, 'zh-CN', '¥1,234,567.89'],
    [123456789, 'en', '¥1,234,567.89'],
    [-5, 'zh-CN', '-¥0.05'],
    [900719925474099, 'en', '¥9,007,199,254,740.99'],
  ] as const)('shows %i fen in %s as %s', (fen, locale, expected) => {
    expect(formatFen(fen, locale)).toBe(expected);
  });

  it('refuses a fen amount that is not a whole number', () => {
    expect(() => formatFen(80.7, 'zh-CN')).toThrow(RangeError);
  });
});

describe('fenFromYuan', () => {
  it.each([
    ['80.70', 8070],
    ['80.7', 8070],
    ['0.005', 1],
    ['0.0049', 0],
    ['0.015', 2],
    ['1.005', 101], // Math.round(1.005 * 100) is 100 in floats
    ['2.675', 268], // and 2.675 * 100 = 267.49999999999997
    ['6.725', 673], // 12.5 kWh × ¥0.538: half a fen rounds up, not to even
    ['-0.005', -1], // half-up means away from zero, so a credit mirrors a charge
    ['-1.004', -100],
    ['0', 0],
  ])('turns ¥%s into %i fen', (yuan, fen) => {
    expect(fenFromYuan(yuan)).toBe(fen);
  });

  it('refuses amounts beyond what a number holds exactly', () => {
    expect(() => fenFromYuan('1e20')).toThrow(RangeError);
  });
});

describe('yuanFromFen', () => {
  it.each([
    [8070, '80.70'],
    [5, '0.05'],
    [-5, '-0.05'],
    [0, '0.00'],
    [100, '1.00'],
    [123456789, '1234567.89'],
  ])('writes %i fen as %s', (fen, yuan) => {
    expect(yuanFromFen(fen)).toBe(yuan);
  });
});

describe('trimUnitPrice', () => {
  it.each([
    ['0.5380', '0.538'],
    ['5.0000', '5.00'],
    ['0.5', '0.50'],
    ['1.3625', '1.3625'],
    ['0.0050', '0.005'],
  ])('reads the stored price %s as %s', (stored, shown) => {
    expect(trimUnitPrice(stored)).toBe(shown);
  });
});
