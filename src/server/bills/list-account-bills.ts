import 'server-only';
import { dueOnFor } from './due-on-for';
import { billPaymentState } from './bill-payment-state';
import { and, desc, eq, exists, lt, sql } from 'drizzle-orm';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { linkOf } from '../accounts/link-of';
import { todayInShanghai } from '../billing/today-in-shanghai';
import { getDb } from '../db';
import { openFenOfBills } from '../payments/open-bill-amounts';
import { bills, ledgerEntries, premises, serviceAccounts } from '../db/schema';
import type { TAccountBills } from './types';

const PAGE_SIZE = 24;

type TListInput = {
  actor: TActor;
  accountId: number;
  /** Only bills for months before this one (YYYY-MM-DD), for the next page. */
  before?: string;
};

/**
 * The bills of one of the actor's accounts, newest first, two years a page (`before` = the
 * period to continue from), with the account's balance and where each bill stands (paid, owed,
 * overdue) by the payments domain's rule. Null when the account is not linked to the actor (or
 * does not exist).
 */
export async function listAccountBills(input: TListInput): Promise<TAccountBills | null> {
  assertCan(input.actor, 'view:account:own');
  return readAccountBills(input, input.actor.userId);
}

/**
 * The same list for staff answering a resident about any account (an agent on the hotline:
 * "has my payment reached last month's bill?"). The page that shows it audits the view.
 */
export async function listAccountBillsForStaff(input: TListInput): Promise<TAccountBills | null> {
  assertCan(input.actor, 'view:account:any');
  return readAccountBills(input, null);
}

/** `owner` null reads any account (the caller has checked a staff permission). */
async function readAccountBills(
  input: TListInput,
  owner: string | null,
): Promise<TAccountBills | null> {
  const db = await getDb();
  const [account] = await db
    .select({
      id: serviceAccounts.id,
      accountNumber: serviceAccounts.accountNumber,
      utility: serviceAccounts.utility,
      addressZh: premises.addressZh,
      addressEn: premises.addressEn,
      balanceFen:
        sql<number>`(select coalesce(sum(${ledgerEntries.amountFen}), 0) from ${ledgerEntries} where ${ledgerEntries.accountId} = ${serviceAccounts.id})`.mapWith(
          Number,
        ),
    })
    .from(serviceAccounts)
    .innerJoin(premises, eq(premises.id, serviceAccounts.premisesId))
    .where(
      and(
        eq(serviceAccounts.id, input.accountId),
        owner === null ? undefined : exists(linkOf(owner, serviceAccounts.id)),
      ),
    )
    .limit(1);
  if (!account) return null;

  const rows = await db
    .select({
      id: bills.id,
      period: bills.period,
      usage: bills.usage,
      estimated: bills.estimated,
      totalFen: bills.totalFen,
      currency: bills.currency,
      issuedOn: bills.issuedOn,
      dueOn: bills.dueOn,
    })
    .from(bills)
    .where(
      and(
        eq(bills.accountId, account.id),
        input.before === undefined ? undefined : lt(bills.period, input.before),
      ),
    )
    .orderBy(desc(bills.period))
    .limit(PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const openOf = await openFenOfBills(
    db,
    account.id,
    page.map((b) => b.id),
  );
  const today = todayInShanghai();
  return {
    account: {
      id: account.id,
      accountNumber: account.accountNumber,
      utility: account.utility,
      address: { zh: account.addressZh, en: account.addressEn },
    },
    balanceFen: account.balanceFen,
    currency: page[0]?.currency ?? 'CNY',
    bills: page.map((bill) => {
      const dueOn = dueOnFor(bill);
      return {
        ...bill,
        dueOn,
        payment: billPaymentState({ ...bill, dueOn }, openOf.get(bill.id) ?? 0, today),
      };
    }),
    olderBefore: rows.length > PAGE_SIZE ? (page.at(-1)?.period ?? null) : null,
  };
}
