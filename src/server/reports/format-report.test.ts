import { describe, expect, it } from 'vitest';
import { formatMonth, formatUsage, percentChange } from './format-report';

describe('report figures', () => {
  it('shows usage with one decimal and its unit in either language', () => {
    expect(formatUsage('2760.00', 'electricity', 'en')).toBe('2,760 kWh');
    expect(formatUsage('12.35', 'water', 'zh-CN')).toBe('12.4 m³');
  });

  it('gives the change against last year as whole percent, none without a base', () => {
    expect(percentChange('1150', '1000')).toBe(15);
    expect(percentChange('900', '1000')).toBe(-10);
    expect(percentChange('900', null)).toBeNull();
    expect(percentChange('900', '0')).toBeNull();
  });

  it('names months in the reader’s language', () => {
    expect(formatMonth('2025-07-01', 'en')).toBe('July');
    expect(formatMonth('2025-07-01', 'zh-CN')).toBe('七月');
  });
});
