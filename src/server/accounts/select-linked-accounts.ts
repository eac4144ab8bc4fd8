import 'server-only';
import { sql } from 'drizzle-orm';
import { readPart, type TReadPart } from '../db/read-parts';
import type { TUtility } from '../db/schema';
import { readingNote } from './reading-note';
import type { TAccountStatus, TLinkedAccountSummary, TMeterReading } from './types';

type TRow = {
  id: number | string;
  account_number: string;
  utility: TUtility;
  status: TAccountStatus;
  holder_name: string;
  opened_on: string;
  /** Date from the driver; ISO text when read together with other parts (JSON). */
  linked_at: Date | string;
  address_zh: string;
  address_en: string;
  district_zh: string;
  district_en: string;
  household_size: number | string;
  meter_serial: string | null;
  last_readings: TMeterReading[] | string | null;
};

/**
 * The accounts linked to one user (optionally one of them), with their current meter and last
 * two readings, in ONE round trip (the dashboard is the most visited page). Ownership is the
 * join on account_links for this user, so a foreign id finds nothing. The meter and readings
 * are lateral lookups on the (account_id, …) indexes. Internal to this folder: callers pass the
 * verified actor's id.
 */
const linkedAccountsQuery = () => sql`
  select sa.id, sa.account_number, sa.utility, sa.status, sa.holder_name,
         sa.opened_on::text as opened_on, al.verified_at as linked_at,
         p.address_zh, p.address_en, d.name_zh as district_zh, d.name_en as district_en,
         p.household_size, cm.serial_number as meter_serial, lr.readings as last_readings
    from account_links al
    join service_accounts sa on sa.id = al.account_id
    join premises p on p.id = sa.premises_id
    join districts d on d.id = p.district_id
    left join lateral (
      select m.serial_number from meters m
       where m.account_id = sa.id and m.removed_on is null
       order by m.installed_on desc, m.id desc limit 1
    ) cm on true
    left join lateral (
      select json_agg(json_build_object(
               'period', r.period::text, 'readOn', r.read_on::text,
               'reading', r.reading::text, 'consumption', r.consumption::text,
               'kind', r.kind, 'meterSerial', m.serial_number
             ) order by r.period desc, r.read_on desc) as readings
        from (select * from meter_readings mr
               where mr.account_id = sa.id
               order by mr.period desc, mr.read_on desc limit 2) r
        join meters m on m.id = r.meter_id
    ) lr on true
   where al.user_id = ${sql.placeholder('userId')}
     and (${sql.placeholder('accountId')}::int is null or sa.id = ${sql.placeholder('accountId')}::int)
   order by p.id, sa.utility, sa.account_number`;

export type TLinkedAccountRow = TLinkedAccountSummary & {
  holderName: string;
  openedOn: string;
  linkedAt: Date;
};

/** The read as a part (../db/read-parts.ts): alone, or in the dashboard's one statement. */
export function linkedAccountsPart(
  userId: string,
  accountId?: number,
): TReadPart<TLinkedAccountRow[], TRow> {
  return {
    // A prepared statement: the most visited page skips re-planning this query.
    name: 'linked-accounts',
    query: linkedAccountsQuery,
    values: { userId, accountId: accountId ?? null },
    decode: (rows) => rows.map(toLinkedAccount),
  };
}

export async function selectLinkedAccounts(
  userId: string,
  accountId?: number,
): Promise<TLinkedAccountRow[]> {
  return readPart(linkedAccountsPart(userId, accountId));
}

function toLinkedAccount(r: TRow): TLinkedAccountRow {
  const parsed =
    typeof r.last_readings === 'string' ? JSON.parse(r.last_readings) : r.last_readings;
  const lastReadings: TMeterReading[] = (parsed as TMeterReading[] | null) ?? [];
  return {
    id: Number(r.id),
    accountNumber: r.account_number,
    utility: r.utility,
    status: r.status,
    holderName: r.holder_name,
    openedOn: r.opened_on,
    linkedAt: new Date(r.linked_at),
    address: { zh: r.address_zh, en: r.address_en },
    district: { zh: r.district_zh, en: r.district_en },
    householdSize: Number(r.household_size),
    meterSerial: r.meter_serial,
    lastReadings,
    readingNote: readingNote(lastReadings),
  };
}
