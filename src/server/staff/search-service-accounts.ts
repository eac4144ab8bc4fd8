import 'server-only';
import { and, asc, between, eq, gt, ilike, or, type SQL } from 'drizzle-orm';
import { getDb } from '../db';
import { districts, premises, serviceAccounts, type TUtility } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';

export const STAFF_SEARCH_PAGE_SIZE = 20;

export type TStaffAccountHit = {
  id: number;
  accountNumber: string;
  utility: TUtility;
  status: 'active' | 'suspended' | 'closed';
  holderName: string;
  address: { zh: string; en: string };
  district: { zh: string; en: string };
};

export type TStaffAccountSearch = {
  kind: 'empty' | 'number' | 'text';
  hits: TStaffAccountHit[];
  /** Pass as `after` for the next page; null on the last page. */
  nextAfter: string | null;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Staff account search. Digits search the account number (exact or prefix) as a range on its
 * unique index; anything else looks for the text inside the holder's name or the address.
 * Pages are keyed by account number (`after`), walking the account-number index in order, so
 * page 500 costs what page 1 does.
 */
export async function searchServiceAccounts(input: {
  actor: TActor;
  query: string;
  after?: string | null;
}): Promise<TStaffAccountSearch> {
  assertCan(input.actor, 'search:account:any');
  const query = input.query.trim().slice(0, 100);
  if (!query) return { kind: 'empty', hits: [], nextAfter: null };

  const kind = /^\d{1,10}$/.test(query) ? 'number' : 'text';
  let match: SQL | undefined;
  if (kind === 'number') {
    match =
      query.length === 10
        ? eq(serviceAccounts.accountNumber, query)
        : between(serviceAccounts.accountNumber, query.padEnd(10, '0'), query.padEnd(10, '9'));
  } else {
    const pattern = `%${escapeLike(query)}%`;
    match = or(
      ilike(serviceAccounts.holderName, pattern),
      ilike(premises.addressZh, pattern),
      ilike(premises.addressEn, pattern),
    );
  }
  const after = input.after && /^\d{10}$/.test(input.after) ? input.after : null;

  const db = await getDb();
  const rows = await db
    .select({
      id: serviceAccounts.id,
      accountNumber: serviceAccounts.accountNumber,
      utility: serviceAccounts.utility,
      status: serviceAccounts.status,
      holderName: serviceAccounts.holderName,
      addressZh: premises.addressZh,
      addressEn: premises.addressEn,
      districtZh: districts.nameZh,
      districtEn: districts.nameEn,
    })
    .from(serviceAccounts)
    .innerJoin(premises, eq(premises.id, serviceAccounts.premisesId))
    .innerJoin(districts, eq(districts.id, premises.districtId))
    .where(and(match, after ? gt(serviceAccounts.accountNumber, after) : undefined))
    .orderBy(asc(serviceAccounts.accountNumber))
    .limit(STAFF_SEARCH_PAGE_SIZE + 1);

  const page = rows.slice(0, STAFF_SEARCH_PAGE_SIZE);
  return {
    kind,
    hits: page.map((r) => ({
      id: r.id,
      accountNumber: r.accountNumber,
      utility: r.utility,
      status: r.status,
      holderName: r.holderName,
      address: { zh: r.addressZh, en: r.addressEn },
      district: { zh: r.districtZh, en: r.districtEn },
    })),
    nextAfter: rows.length > STAFF_SEARCH_PAGE_SIZE ? (page.at(-1)?.accountNumber ?? null) : null,
  };
}
