import { describe, expect, it } from 'vitest';
import { signReceipt, verifyReceipt } from './receipt-token';

describe('the anonymous report receipt', () => {
  const due = new Date('2026-12-09T09:00:00Z');

  it('carries the reference, the deadline and whether mail was sent', () => {
    expect(verifyReceipt(signReceipt('WJ-2026-000123', due, true))).toEqual({
      reference: 'WJ-2026-000123',
      answerDueAt: due,
      mailed: true,
    });
  });

  it.each([
    ['another reference', (t: string) => t.replace('000123', '000124')],
    [
      'another deadline',
      (t: string) => t.replace(String(due.getTime()), String(due.getTime() + 1)),
    ],
    ['a forged signature', (t: string) => `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`],
    ['garbage', () => 'WJ-2026-000123'],
  ])('refuses %s', (_label, tamper) => {
    expect(verifyReceipt(tamper(signReceipt('WJ-2026-000123', due, false)))).toBeNull();
  });

  it('refuses a missing token', () => {
    expect(verifyReceipt(undefined)).toBeNull();
  });
});
