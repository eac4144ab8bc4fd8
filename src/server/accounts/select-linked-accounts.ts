import 'server-only';
import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { TDb } from '../db';
import {
  accountLinks,
  districts,
  meterReadings,
  meters,
  premises,
  serviceAccounts,
} from '../db/schema';
import { readingNote } from './reading-note';
import type { TLinkedAccountSummary, TMeterReading } from './types';

/**
 * The accounts linked to one user (optionally one of them), with their current meter and
 * last two readings. Every query joins account_links on the user, so a foreign id finds nothing.
 * Internal to this folder: callers pass the verified actor's id.
 */
export async function selectLinkedAccounts(
  db: TDb,
  userId: string,
  accountId?: number,
): Promise<(TLinkedAccountSummary & { holderName: string; openedOn: string; linkedAt: Date })[]> {
  const ownLink = and(
    eq(accountLinks.accountId, serviceAccounts.id),
    eq(accountLinks.userId, userId),
  );
  const rows = await db
    .select({
      id: serviceAccounts.id,
      accountNumber: serviceAccounts.accountNumber,
      utility: serviceAccounts.utility,
      status: serviceAccounts.status,
      holderName: serviceAccounts.holderName,
      openedOn: serviceAccounts.openedOn,
      linkedAt: accountLinks.verifiedAt,
      addressZh: premises.addressZh,
      addressEn: premises.addressEn,
      districtZh: districts.nameZh,
      districtEn: districts.nameEn,
      householdSize: premises.householdSize,
    })
    .from(serviceAccounts)
    .innerJoin(accountLinks, ownLink)
    .innerJoin(premises, eq(premises.id, serviceAccounts.premisesId))
    .innerJoin(districts, eq(districts.id, premises.districtId))
    .where(accountId === undefined ? undefined : eq(serviceAccounts.id, accountId))
    .orderBy(asc(premises.id), asc(serviceAccounts.utility), asc(serviceAccounts.accountNumber));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);

  const currentMeters = await db
    .select({ accountId: meters.accountId, serialNumber: meters.serialNumber })
    .from(meters)
    .innerJoin(
      accountLinks,
      and(eq(accountLinks.accountId, meters.accountId), eq(accountLinks.userId, userId)),
    )
    .where(and(inArray(meters.accountId, ids), isNull(meters.removedOn)))
    .orderBy(asc(meters.installedOn));

  const ranked = db
    .select({
      accountId: meterReadings.accountId,
      period: meterReadings.period,
      readOn: meterReadings.readOn,
      reading: meterReadings.reading,
      consumption: meterReadings.consumption,
      kind: meterReadings.kind,
      meterSerial: meters.serialNumber,
      rank: sql<number>`row_number() over (partition by ${meterReadings.accountId} order by ${meterReadings.period} desc, ${meterReadings.readOn} desc)`.as(
        'rank',
      ),
    })
    .from(meterReadings)
    .innerJoin(
      accountLinks,
      and(eq(accountLinks.accountId, meterReadings.accountId), eq(accountLinks.userId, userId)),
    )
    .innerJoin(meters, eq(meters.id, meterReadings.meterId))
    .where(inArray(meterReadings.accountId, ids))
    .as('ranked');
  const latest = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, 2))
    .orderBy(asc(ranked.accountId), desc(ranked.period), desc(ranked.readOn));

  const readingsByAccount = new Map<number, TMeterReading[]>();
  for (const r of latest) {
    const list = readingsByAccount.get(r.accountId) ?? [];
    list.push({
      period: r.period,
      readOn: r.readOn,
      reading: r.reading,
      consumption: r.consumption,
      kind: r.kind,
      meterSerial: r.meterSerial,
    });
    readingsByAccount.set(r.accountId, list);
  }
  // The newest installed meter wins when the data has more than one without a removal date.
  const meterByAccount = new Map(currentMeters.map((m) => [m.accountId, m.serialNumber]));

  return rows.map((r) => {
    const lastReadings = readingsByAccount.get(r.id) ?? [];
    return {
      id: r.id,
      accountNumber: r.accountNumber,
      utility: r.utility,
      status: r.status,
      holderName: r.holderName,
      openedOn: r.openedOn,
      linkedAt: r.linkedAt,
      address: { zh: r.addressZh, en: r.addressEn },
      district: { zh: r.districtZh, en: r.districtEn },
      householdSize: r.householdSize,
      meterSerial: meterByAccount.get(r.id) ?? null,
      lastReadings,
      readingNote: readingNote(lastReadings),
    };
  });
}
