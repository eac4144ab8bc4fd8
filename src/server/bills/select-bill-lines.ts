import 'server-only';
import { asc, inArray } from 'drizzle-orm';
import type { TDb } from '../db';
import { billLines } from '../db/schema';
import type { TBillLine } from './types';

/**
 * The stored lines of some bills, grouped by bill, in line order. Internal to this folder: the
 * caller has already proved the bills belong to the actor.
 */
export async function selectBillLines(
  db: TDb,
  billIds: number[],
): Promise<Map<number, TBillLine[]>> {
  const byBill = new Map<number, TBillLine[]>(billIds.map((id) => [id, []]));
  if (billIds.length === 0) return byBill;
  const rows = await db
    .select({
      billId: billLines.billId,
      lineNo: billLines.lineNo,
      kind: billLines.kind,
      tierNo: billLines.tierNo,
      quantity: billLines.quantity,
      unitPrice: billLines.unitPrice,
      amountFen: billLines.amountFen,
      explanation: billLines.explanation,
    })
    .from(billLines)
    .where(inArray(billLines.billId, billIds))
    .orderBy(asc(billLines.billId), asc(billLines.lineNo));
  for (const { billId, ...line } of rows) byBill.get(Number(billId))?.push(line);
  return byBill;
}
