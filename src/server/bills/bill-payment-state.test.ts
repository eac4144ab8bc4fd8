import { describe, expect, it } from 'vitest';
import { billPaymentState } from './bill-payment-state';

const TODAY = '2025-07-21';

describe('billPaymentState', () => {
  it.each([
    // [what, total, due on, open, expected]
    ['a waived bill asks for nothing', 0, null, 0, { kind: 'nothing-to-pay' }],
    ['a credit bill asks for nothing', -500, null, 0, { kind: 'nothing-to-pay' }],
    ['nothing open: paid', 2500, '2025-07-01', 0, { kind: 'paid' }],
    [
      'open and due later: owed, not late',
      2500,
      '2025-08-21',
      2500,
      { kind: 'owed', openFen: 2500, partlyPaid: false, overdue: false },
    ],
    [
      'due today is not late yet',
      2500,
      TODAY,
      2500,
      { kind: 'owed', openFen: 2500, partlyPaid: false, overdue: false },
    ],
    [
      'the day after the due date it is',
      2500,
      '2025-07-20',
      2500,
      { kind: 'owed', openFen: 2500, partlyPaid: false, overdue: true },
    ],
    [
      'part paid and late: only the rest is owed',
      2500,
      '2025-06-21',
      900,
      { kind: 'owed', openFen: 900, partlyPaid: true, overdue: true },
    ],
  ] as const)('%s', (_what, totalFen, dueOn, openFen, expected) => {
    expect(billPaymentState({ totalFen, dueOn }, openFen, TODAY)).toEqual(expected);
  });

  it('never says more is owed on a bill than its total', () => {
    expect(billPaymentState({ totalFen: 2500, dueOn: '2025-08-21' }, 9000, TODAY)).toEqual({
      kind: 'owed',
      openFen: 2500,
      partlyPaid: false,
      overdue: false,
    });
  });
});
