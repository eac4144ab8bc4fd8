import 'server-only';
import { and, desc, eq, exists } from 'drizzle-orm';
import { getDb } from '../db';
import { accountLinks, meterReadings, meters } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { linkOf } from './link-of';
import type { TMeterReading } from './types';

/**
 * The latest readings of one of the actor's accounts, newest first; null when the account is
 * not linked to the actor (or does not exist), so the page can answer "not found".
 */
export async function listAccountReadings(input: {
  actor: TActor;
  accountId: number;
  limit?: number;
}): Promise<TMeterReading[] | null> {
  assertCan(input.actor, 'view:account:own');
  const db = await getDb();
  const [link] = await db
    .select({ accountId: accountLinks.accountId })
    .from(accountLinks)
    .where(
      and(eq(accountLinks.userId, input.actor.userId), eq(accountLinks.accountId, input.accountId)),
    )
    .limit(1);
  if (!link) return null;
  return db
    .select({
      period: meterReadings.period,
      readOn: meterReadings.readOn,
      reading: meterReadings.reading,
      consumption: meterReadings.consumption,
      kind: meterReadings.kind,
      meterSerial: meters.serialNumber,
    })
    .from(meterReadings)
    .innerJoin(meters, eq(meters.id, meterReadings.meterId))
    .where(
      and(
        eq(meterReadings.accountId, input.accountId),
        exists(linkOf(input.actor.userId, meterReadings.accountId)),
      ),
    )
    .orderBy(desc(meterReadings.period), desc(meterReadings.readOn))
    .limit(Math.min(Math.max(input.limit ?? 24, 1), 120));
}
