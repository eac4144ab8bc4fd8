import 'server-only';
import { sql } from 'drizzle-orm';
import { env } from '@/env';
import { getDb } from '../db';
import { rowsOf } from '../db/rows-of';
import { planCollection } from './collection-calendar';
import { bankWorkingDays } from './bank-working-day';
import { getWorkingCalendar } from '../calendar';
import { openBillAmountsSql } from '../payments/open-bill-amounts';

/** Mandates read per statement. */
const MANDATE_BATCH = 2_000;

type TCandidate = {
  mandate_id: number;
  account_id: number;
  bill_id: number;
  due_on: string;
  currency: string;
  open_fen: number;
};

/**
 * Plans a collection for every bill that an active mandate should collect and nothing is
 * collecting yet: the bill's open amount (as the payments domain derives it from the ledger), on its due
 * date or — when that is too soon for the advance notice — the first working day a full notice
 * period from `today`. A bill this mandate already tried (collected, failed three times,
 * skipped as paid) is not planned again. Idempotent: a bill has at most one live collection
 * (unique index), so a second run or a second worker adds nothing.
 *
 * Returns the number of collections planned.
 */
export async function planCollections(input: { today: string }): Promise<number> {
  const db = await getDb();
  const isBankWorkingDay = bankWorkingDays(await getWorkingCalendar());
  let afterMandateId = 0;
  let planned = 0;
  for (;;) {
    const result = await db.transaction(async (tx) => {
      const batch = rowsOf<{ id: number; account_id: number }>(
        await tx.execute(sql`
          SELECT id, account_id FROM mandates
           WHERE status = 'active' AND id > ${afterMandateId}
           ORDER BY id LIMIT ${MANDATE_BATCH}
        `),
      );
      if (batch.length === 0) return null;
      const mandateOf = new Map(batch.map((m) => [m.account_id, m.id]));
      const candidates = rowsOf<Omit<TCandidate, 'mandate_id'>>(
        await tx.execute(sql`
          SELECT o.bill_id, o.account_id, o.due_on::text AS due_on, o.currency, o.open_fen
            FROM (${openBillAmountsSql([...mandateOf.keys()])}) o
           WHERE o.open_fen > 0
             AND NOT EXISTS (SELECT 1 FROM collections c
                              WHERE c.bill_id = o.bill_id
                                AND (c.status IN ('scheduled', 'notified', 'processing')
                                     OR c.mandate_id = (SELECT m.id FROM mandates m
                                                         WHERE m.account_id = o.account_id
                                                           AND m.status = 'active')))
        `),
      );
      const lastMandateId = batch.at(-1)?.id ?? afterMandateId;
      if (candidates.length === 0) return { lastMandateId, inserted: 0 };
      const plans = candidates.map((c) => ({
        ...c,
        mandate_id: mandateOf.get(c.account_id) ?? 0,
        ...planCollection({
          billDueOn: c.due_on,
          today: input.today,
          noticeDays: env.DIRECT_DEBIT_NOTICE_DAYS,
          isWorkingDay: isBankWorkingDay,
        }),
      }));
      const p = (value: unknown) => sql.param(value);
      const inserted = rowsOf<{ id: number }>(
        await tx.execute(sql`
          INSERT INTO collections (mandate_id, account_id, bill_id, amount_fen, currency,
                                   collect_on, notice_by, next_attempt_on, status)
          SELECT t.mandate_id, t.account_id, t.bill_id, t.amount_fen, t.currency, t.collect_on,
                 t.notice_by, t.collect_on, 'scheduled'
            FROM unnest(${p(plans.map((r) => r.mandate_id))}::int[],
                        ${p(plans.map((r) => r.account_id))}::int[],
                        ${p(plans.map((r) => r.bill_id))}::bigint[],
                        ${p(plans.map((r) => Number(r.open_fen)))}::int[],
                        ${p(plans.map((r) => r.currency))}::text[],
                        ${p(plans.map((r) => r.collectOn))}::date[],
                        ${p(plans.map((r) => r.noticeBy))}::date[])
              AS t(mandate_id, account_id, bill_id, amount_fen, currency, collect_on, notice_by)
          ON CONFLICT (bill_id) WHERE status IN ('scheduled', 'notified', 'processing') DO NOTHING
          RETURNING id
        `),
      );
      return { lastMandateId, inserted: inserted.length };
    });
    if (!result) break;
    planned += result.inserted;
    afterMandateId = result.lastMandateId;
  }
  return planned;
}
