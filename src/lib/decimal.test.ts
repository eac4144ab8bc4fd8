import DecimalJs from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal';

describe('Decimal', () => {
  it.each([
    ['2.5', 0, '3'],
    ['3.5', 0, '4'],
    ['-2.5', 0, '-3'],
    ['0.125', 2, '0.13'],
    ['0.135', 2, '0.14'],
    ['1.0049', 2, '1.00'],
  ])('rounds %s to %i places half-up as %s (never to even)', (value, places, expected) => {
    expect(new Decimal(value).toFixed(places)).toBe(expected);
    expect(new Decimal(value).toDecimalPlaces(places).toFixed(places)).toBe(expected);
  });

  it('adds decimal fractions exactly where floats do not', () => {
    expect(new Decimal('0.1').plus('0.2').toFixed()).toBe('0.3');
    expect(new Decimal('2760').times('0.538').toFixed()).toBe('1484.88');
  });

  it('is its own clone, so changing decimal.js globally does not change it', () => {
    expect(Decimal).not.toBe(DecimalJs);
    expect(Decimal.rounding).toBe(DecimalJs.ROUND_HALF_UP);
    expect(Decimal.precision).toBe(40);
  });
});
