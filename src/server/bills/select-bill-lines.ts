import 'server-only';
import { asc, eq, or, sql } from 'drizzle-orm';
import type { TDb } from '../db';
import { prepared } from '../db/prepared';
import { billLines } from '../db/schema';
import type { TBillLine } from './types';

/**
 * The stored lines of a bill and of the bill before it (when there is one), grouped by bill, in
 * line order. Internal to this folder: the caller has already proved the bills belong to the
 * actor. Prepared: the bill page runs it on every view.
 */
export async function selectBillLines(
  db: TDb,
  billId: number,
  previousBillId: number | null,
): Promise<Map<number, TBillLine[]>> {
  const byBill = new Map<number, TBillLine[]>([[billId, []]]);
  if (previousBillId !== null) byBill.set(previousBillId, []);
  const rows = await prepared(db, 'bill-lines', (db) =>
    db
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
      .where(
        or(
          eq(billLines.billId, sql.placeholder('billId')),
          eq(billLines.billId, sql.placeholder('previousBillId')),
        ),
      )
      .orderBy(asc(billLines.billId), asc(billLines.lineNo))
      .prepare('bill-lines'),
  ).execute({ billId, previousBillId: previousBillId ?? billId });
  for (const { billId: id, ...line } of rows) byBill.get(Number(id))?.push(line);
  return byBill;
}
