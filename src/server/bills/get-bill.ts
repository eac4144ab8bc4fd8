import 'server-only';
import { dueOnFor } from './due-on-for';
import { billPaymentState } from './bill-payment-state';
import { sql } from 'drizzle-orm';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { writeAudit } from '../audit';
import { getDb } from '../db';
import { readPart, type TReadPart } from '../db/read-parts';
import { openFenOfBills } from '../payments/open-bill-amounts';
import type { TUtility } from '../db/schema';
import { tiersCrossed } from './tiers-crossed';
import type { TBillDetail, TBillLine, TBillPaymentState } from './types';

/** A bill's columns as the bill page reads them (alias `x`), every value as the DTO wants it. */
const BILL_COLUMNS = `x.id, x.period::text as period, x.usage::text as usage, x.estimated,
  x.reading_from::text as reading_from, x.reading_to::text as reading_to, x.total_fen,
  x.currency, x.issued_on::text as issued_on, x.due_on::text as due_on`;

type TBillRow = {
  id: number;
  period: string;
  usage: string;
  estimated: boolean;
  reading_from: string | null;
  reading_to: string | null;
  total_fen: number;
  currency: string;
  issued_on: string;
  due_on: string;
};

type TViewRow = {
  bill:
    | (TBillRow & {
        account_id: number;
        utility: TUtility;
        account_number: string;
        holder_name: string;
        address_zh: string;
        address_en: string;
        household_size: number;
        tariff_name_zh: string | null;
        tariff_name_en: string | null;
        tier_period: 'year' | 'month' | null;
        balance_fen: number | string;
      })
    | null;
  previous: TBillRow | null;
  lines: {
    bill_id: number;
    line_no: number;
    kind: TBillLine['kind'];
    tier_no: number | null;
    quantity: string | null;
    unit_price: string | null;
    amount_fen: number;
    explanation: TBillLine['explanation'];
  }[];
};

/**
 * The bill with its account, tariff and balance, the bill before it and both bills' lines, in
 * ONE statement (the bill page is the second most visited page; it made three round trips one
 * after another). The bill is found only on an account the `userId` placeholder holds; a null
 * `userId` finds any bill (staff, whose permission the caller has checked).
 */
const billViewQuery = () => sql`
  with b as (
    select ${sql.raw(BILL_COLUMNS)}, x.account_id, sa.utility, sa.account_number, sa.holder_name,
           p.address_zh, p.address_en, p.household_size, t.name_zh as tariff_name_zh,
           t.name_en as tariff_name_en, t.tier_period,
           (select coalesce(sum(le.amount_fen), 0) from ledger_entries le
             where le.account_id = x.account_id) as balance_fen
      from bills x
      join service_accounts sa on sa.id = x.account_id
      join premises p on p.id = sa.premises_id
      left join tariffs t on t.id = x.tariff_id
     where x.id = ${sql.placeholder('billId')}
       and (${sql.placeholder('userId')}::text is null
            or exists (select 1 from account_links l
                        where l.user_id = ${sql.placeholder('userId')} and l.account_id = x.account_id))
  ), prev as (
    select ${sql.raw(BILL_COLUMNS)} from bills x, b
     where x.account_id = b.account_id and x.period < b.period::date
     order by x.period desc limit 1
  )
  select (select row_to_json(b) from b) as bill,
         (select row_to_json(prev) from prev) as previous,
         (select coalesce(json_agg(l order by l.bill_id, l.line_no), '[]'::json)
            from (select bl.bill_id, bl.line_no, bl.kind, bl.tier_no, bl.quantity::text as quantity,
                         bl.unit_price::text as unit_price, bl.amount_fen, bl.explanation
                    from bill_lines bl
                   where bl.bill_id in (select id from b union all select id from prev)) l) as lines`;

function toBill(r: TBillRow) {
  return {
    id: Number(r.id),
    period: r.period,
    usage: r.usage,
    estimated: r.estimated,
    readingFrom: r.reading_from,
    readingTo: r.reading_to,
    totalFen: Number(r.total_fen),
    currency: r.currency,
    issuedOn: r.issued_on,
    dueOn: dueOnFor({ totalFen: Number(r.total_fen), dueOn: r.due_on }),
  };
}

/**
 * One of the actor's bills with every stored line, the account's balance and the bill before it
 * (for "why is this bill different"). Null when the bill does not exist or is not on an
 * account linked to the actor: the caller answers "not found" either way.
 */
export async function getBill(input: {
  actor: TActor;
  billId: number;
}): Promise<TBillDetail | null> {
  return readPart(billPart(input));
}

/** The same read as a part, for the bill page's one statement (ADR 022). */
export function billPart(input: {
  actor: TActor;
  billId: number;
}): TReadPart<TBillDetail | null, TViewRow> {
  assertCan(input.actor, 'view:account:own');
  return billViewPart(input.billId, input.actor.userId);
}

/**
 * Any bill, for staff explaining it to a resident (the hotline's "why is my bill so high?"), with
 * where it stands: paid, still owed (and how much, overdue or not) or nothing to pay, by the
 * payments domain's rule (money applied to the oldest bills first). Reading it is recorded in
 * the audit log, as opening the account is.
 */
export async function getBillForStaff(input: {
  actor: TActor;
  billId: number;
}): Promise<(TBillDetail & { payment: TBillPaymentState }) | null> {
  assertCan(input.actor, 'view:account:any');
  const db = await getDb();
  const bill = await readPart(billViewPart(input.billId, null));
  if (!bill) return null;
  const openOf = await openFenOfBills(db, bill.account.id, [bill.id]);
  await writeAudit(db, input.actor, {
    action: 'staff.bill_viewed',
    subjectType: 'bill',
    subjectId: bill.id,
  });
  return { ...bill, payment: billPaymentState(bill, openOf.get(bill.id) ?? 0) };
}

/** `owner` null reads any bill (the caller has checked a staff permission). */
function billViewPart(
  billId: number,
  owner: string | null,
): TReadPart<TBillDetail | null, TViewRow> {
  return {
    name: 'bill-view',
    query: billViewQuery,
    values: { billId, userId: owner },
    decode: (rows) => toBillDetail(rows[0]),
  };
}

function toBillDetail(row: TViewRow | undefined): TBillDetail | null {
  const bill = row?.bill;
  if (!bill) return null;
  const linesOf = (id: number): TBillLine[] =>
    (row.lines ?? [])
      .filter((l) => Number(l.bill_id) === id)
      .map((l) => ({
        lineNo: Number(l.line_no),
        kind: l.kind,
        tierNo: l.tier_no === null ? null : Number(l.tier_no),
        quantity: l.quantity,
        unitPrice: l.unit_price,
        amountFen: Number(l.amount_fen),
        explanation: l.explanation,
      }));
  const own = toBill(bill);
  const ownLines = linesOf(own.id);
  const previous = row.previous ? toBill(row.previous) : null;
  return {
    ...own,
    lines: ownLines,
    utility: bill.utility,
    account: {
      id: Number(bill.account_id),
      accountNumber: bill.account_number,
      holderName: bill.holder_name,
      address: { zh: bill.address_zh, en: bill.address_en },
      householdSize: Number(bill.household_size),
    },
    tariff:
      bill.tariff_name_zh !== null && bill.tariff_name_en !== null && bill.tier_period !== null
        ? {
            name: { zh: bill.tariff_name_zh, en: bill.tariff_name_en },
            tierPeriod: bill.tier_period,
          }
        : null,
    tiersCrossed: tiersCrossed(ownLines),
    balanceFen: Number(bill.balance_fen),
    previous: previous ? { ...previous, lines: linesOf(previous.id) } : null,
  };
}
