import 'server-only';

/**
 * The day a bill must be paid by, or null when it asks for nothing (a total of ¥0 or less, e.g.
 * a bill a fee waiver covers or a catch-up credit turns negative): such a bill has no due date
 * to show on its page, in the bill list, on the dashboard or on the PDF.
 */
export function dueOnFor(bill: { totalFen: number; dueOn: string }): string | null {
  return bill.totalFen > 0 ? bill.dueOn : null;
}
