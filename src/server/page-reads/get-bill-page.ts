import 'server-only';
import type { TActor } from '../auth/actor';
import { readParts } from '../db/read-parts';
import { billPart } from '../bills';
import { payOptionsPart } from '../payments';

/**
 * A resident's bill with what its pay buttons can offer, in ONE statement (ADR 022): the bills
 * domain's read (the bill, its lines, the bill before it) and the payments domain's (balance,
 * open bills, checkout in flight) for the account the bill is on. Both check ownership in their
 * own SQL: a bill that is not the actor's gives `bill: null` and `payOptions: null`.
 */
export async function getBillPage(input: { actor: TActor; billId: number }) {
  const { bill, payOptions } = await readParts('bill-page', {
    bill: billPart(input),
    payOptions: payOptionsPart({ actor: input.actor, billId: input.billId }),
  });
  return { bill, payOptions };
}
