import 'server-only';
import { dueOnFor } from './due-on-for';
import { billPaymentState } from './bill-payment-state';
import { and, desc, eq, exists, lt, sql } from 'drizzle-orm';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { linkOf } from '../accounts/link-of';
import { writeAudit } from '../audit';
import { getDb, type TDb } from '../db';
import { prepared } from '../db/prepared';
import { openFenOfBills } from '../payments/open-bill-amounts';
import { bills, ledgerEntries, premises, serviceAccounts, tariffs } from '../db/schema';
import { selectBillLines } from './select-bill-lines';
import { tiersCrossed } from './tiers-crossed';
import type { TBillDetail, TBillPaymentState } from './types';

/** What the bill page shows of a bill and of the one before it. */
const billColumns = {
  id: bills.id,
  period: bills.period,
  usage: bills.usage,
  estimated: bills.estimated,
  readingFrom: bills.readingFrom,
  readingTo: bills.readingTo,
  totalFen: bills.totalFen,
  currency: bills.currency,
  issuedOn: bills.issuedOn,
  dueOn: bills.dueOn,
};

/**
 * One of the actor's bills with every stored line, the account's balance and the bill before it
 * (for "why is this bill different"). Null when the bill does not exist or is not on an
 * account linked to the actor: the caller answers "not found" either way.
 */
export async function getBill(input: {
  actor: TActor;
  billId: number;
}): Promise<TBillDetail | null> {
  assertCan(input.actor, 'view:account:own');
  return readBill(await getDb(), input.billId, input.actor.userId);
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
  const bill = await readBill(db, input.billId, null);
  if (!bill) return null;
  const openOf = await openFenOfBills(db, bill.account.id, [bill.id]);
  await writeAudit(db, input.actor, {
    action: 'staff.bill_viewed',
    subjectType: 'bill',
    subjectId: bill.id,
  });
  return { ...bill, payment: billPaymentState(bill, openOf.get(bill.id) ?? 0) };
}

/**
 * The bill and its account, tariff and balance. 'bill-detail' only finds it on an account the
 * `userId` placeholder holds; 'bill-detail-any' finds any bill (staff).
 */
function billDetailStatement(db: TDb, name: 'bill-detail' | 'bill-detail-any') {
  return db
    .select({
      ...billColumns,
      accountId: bills.accountId,
      utility: serviceAccounts.utility,
      accountNumber: serviceAccounts.accountNumber,
      holderName: serviceAccounts.holderName,
      addressZh: premises.addressZh,
      addressEn: premises.addressEn,
      householdSize: premises.householdSize,
      tariffNameZh: tariffs.nameZh,
      tariffNameEn: tariffs.nameEn,
      tierPeriod: tariffs.tierPeriod,
      balanceFen:
        sql<number>`(select coalesce(sum(${ledgerEntries.amountFen}), 0) from ${ledgerEntries} where ${ledgerEntries.accountId} = ${bills.accountId})`.mapWith(
          Number,
        ),
    })
    .from(bills)
    .innerJoin(serviceAccounts, eq(serviceAccounts.id, bills.accountId))
    .innerJoin(premises, eq(premises.id, serviceAccounts.premisesId))
    .leftJoin(tariffs, eq(tariffs.id, bills.tariffId))
    .where(
      and(
        eq(bills.id, sql.placeholder('billId')),
        name === 'bill-detail'
          ? exists(linkOf(sql.placeholder('userId'), bills.accountId))
          : undefined,
      ),
    )
    .limit(1)
    .prepare(name);
}

/** `owner` null reads any bill (the caller has checked a staff permission). */
async function readBill(
  db: TDb,
  billId: number,
  owner: string | null,
): Promise<TBillDetail | null> {
  // Prepared (built once, planned once per connection): the bill page runs these on every view.
  const name = owner === null ? 'bill-detail-any' : 'bill-detail';
  const [row] = await prepared(db, name, (db) => billDetailStatement(db, name)).execute(
    owner === null ? { billId } : { billId, userId: owner },
  );
  if (!row) return null;

  const [previous] = await prepared(db, 'bill-previous', (db) =>
    db
      .select(billColumns)
      .from(bills)
      .where(
        and(
          eq(bills.accountId, sql.placeholder('accountId')),
          lt(bills.period, sql.placeholder('period')),
        ),
      )
      .orderBy(desc(bills.period))
      .limit(1)
      .prepare('bill-previous'),
  ).execute({ accountId: row.accountId, period: row.period });

  const lines = await selectBillLines(db, row.id, previous?.id ?? null);
  const ownLines = lines.get(row.id) ?? [];
  return {
    id: row.id,
    period: row.period,
    usage: row.usage,
    estimated: row.estimated,
    readingFrom: row.readingFrom,
    readingTo: row.readingTo,
    totalFen: row.totalFen,
    currency: row.currency,
    issuedOn: row.issuedOn,
    dueOn: dueOnFor(row),
    lines: ownLines,
    utility: row.utility,
    account: {
      id: row.accountId,
      accountNumber: row.accountNumber,
      holderName: row.holderName,
      address: { zh: row.addressZh, en: row.addressEn },
      householdSize: row.householdSize,
    },
    tariff:
      row.tariffNameZh !== null && row.tariffNameEn !== null && row.tierPeriod !== null
        ? { name: { zh: row.tariffNameZh, en: row.tariffNameEn }, tierPeriod: row.tierPeriod }
        : null,
    tiersCrossed: tiersCrossed(ownLines),
    balanceFen: row.balanceFen,
    previous: previous
      ? { ...previous, dueOn: dueOnFor(previous), lines: lines.get(previous.id) ?? [] }
      : null,
  };
}
