import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAYMENT_STATUSES } from '../db/schema/payments';
import { higherStatus, statusAfterRefunds } from './payment-status';

describe('higherStatus', () => {
  it('a success outranks a failure, whichever arrives first', () => {
    expect(higherStatus('failed', 'succeeded')).toBe('succeeded');
    expect(higherStatus('succeeded', 'failed')).toBe('succeeded');
    expect(higherStatus('pending', 'processing')).toBe('processing');
    expect(higherStatus('processing', 'pending')).toBe('processing');
  });

  it('gives the same final status for any order of the same events', () => {
    const status = fc.constantFrom(...PAYMENT_STATUSES);
    fc.assert(
      fc.property(fc.array(status, { maxLength: 8 }), (proposals) => {
        const forward = proposals.reduce(higherStatus, 'pending' as const);
        const backward = [...proposals].reverse().reduce(higherStatus, 'pending' as const);
        expect(forward).toBe(backward);
      }),
    );
  });
});

describe('statusAfterRefunds', () => {
  it.each([
    [1000, 0, 'succeeded'],
    [1000, 1, 'partially_refunded'],
    [1000, 1000, 'refunded'],
  ] as const)('%i paid, %i refunded → %s', (paid, refunded, status) => {
    expect(statusAfterRefunds(paid, refunded)).toBe(status);
  });
});
