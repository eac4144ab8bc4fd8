import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { TDb } from '../db';
import { accountLinks, districts, premises, serviceAccounts } from '../db/schema';
import type { TUsageAccount } from './types';

/**
 * One of the user's linked accounts with what the usage page needs, or null when the account
 * is not linked to this user (or does not exist): ownership is the join on account_links.
 * Internal to this folder; callers pass the verified actor's id.
 */
export async function selectUsageAccount(
  db: TDb,
  userId: string,
  accountId: number,
): Promise<(TUsageAccount & { districtId: number }) | null> {
  const [row] = await db
    .select({
      id: serviceAccounts.id,
      accountNumber: serviceAccounts.accountNumber,
      utility: serviceAccounts.utility,
      householdSize: premises.householdSize,
      districtId: premises.districtId,
      districtZh: districts.nameZh,
      districtEn: districts.nameEn,
    })
    .from(serviceAccounts)
    .innerJoin(
      accountLinks,
      and(eq(accountLinks.accountId, serviceAccounts.id), eq(accountLinks.userId, userId)),
    )
    .innerJoin(premises, eq(premises.id, serviceAccounts.premisesId))
    .innerJoin(districts, eq(districts.id, premises.districtId))
    .where(eq(serviceAccounts.id, accountId))
    .limit(1);
  if (!row) return null;
  return {
    id: row.id,
    accountNumber: row.accountNumber,
    utility: row.utility,
    unit: row.utility === 'electricity' ? 'kWh' : 'm³',
    householdSize: row.householdSize,
    districtId: row.districtId,
    district: { zh: row.districtZh, en: row.districtEn },
  };
}
