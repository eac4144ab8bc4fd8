import 'server-only';
import { getDb } from '../db';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { findLinkedAccountId } from './find-linked-account-id';
import { loadAnnualReports } from './load-annual-reports';
import type { TAnnualReport } from './types';

/**
 * One account's report for one year, for the resident who holds a link to it. Null when the
 * account is not theirs (or does not exist): the page answers "not found" either way. A year
 * without readings is a report with monthsWithData = 0, which the page says plainly.
 */
export async function getAnnualReport(input: {
  actor: TActor;
  accountId: number;
  year: number;
}): Promise<TAnnualReport | null> {
  assertCan(input.actor, 'view:account:own');
  const db = await getDb();
  const accountId = await findLinkedAccountId(db, input.actor.userId, input.accountId);
  if (accountId === null) return null;
  const [report] = await loadAnnualReports(db, {
    fromAccountId: accountId,
    toAccountId: accountId,
    year: input.year,
  });
  return report ?? null;
}
