import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { serviceAccounts, type TUtility } from '../db/schema';
import { getAccountBalance } from './ledger';
import { maskHolderName } from './mask-holder-name';

/** All a guest payer is shown: the amount due and a masked name — nothing else. */
export type TGuestAmountDue = {
  accountNumber: string;
  utility: TUtility;
  maskedHolder: string;
  amountDueFen: number;
  currency: string;
};

/** Only for an account id taken from a verified guest-pay ticket. */
export async function getGuestAmountDue(accountId: number): Promise<TGuestAmountDue | null> {
  const db = await getDb();
  const [account] = await db
    .select({
      accountNumber: serviceAccounts.accountNumber,
      utility: serviceAccounts.utility,
      holderName: serviceAccounts.holderName,
    })
    .from(serviceAccounts)
    .where(eq(serviceAccounts.id, accountId))
    .limit(1);
  if (!account) return null;
  const balance = await getAccountBalance(db, accountId);
  return {
    accountNumber: account.accountNumber,
    utility: account.utility,
    maskedHolder: maskHolderName(account.holderName),
    amountDueFen: Math.max(0, balance),
    currency: 'CNY',
  };
}
