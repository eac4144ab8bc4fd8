import 'server-only';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { TDb } from '../db';
import { mandates } from '../db/schema';

/** The account's mandates that can still take money (active, or a set-up not finished), and… */
export function liveMandatesOf(accountId: number, ...also: SQL[]): SQL | undefined {
  return and(
    eq(mandates.accountId, accountId),
    inArray(mandates.status, ['active', 'pending']),
    ...also,
  );
}

/** Those mandates, locked for a cancel in this transaction. */
export function lockLiveMandates(tx: TDb, where: SQL | undefined) {
  return tx
    .select({
      id: mandates.id,
      status: mandates.status,
      paymentMethodId: mandates.providerPaymentMethodId,
    })
    .from(mandates)
    .where(where)
    .for('update');
}
