import 'server-only';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { sql } from 'drizzle-orm';
import { readPart, type TReadPart } from '../db/read-parts';
import type { TNoticeKind, TUtility } from '../db/schema';
import { LAST_CHANGE_COLUMN, noticeCoreOf, parseJson, type TNoticeChangeJson } from './notice-rows';
import type { TPlaceName, TResidentNotice } from './types';

type TRow = {
  id: number | string;
  kind: TNoticeKind;
  utility: TUtility;
  title_zh: string;
  title_en: string | null;
  starts_at: Date | string;
  ends_at: Date | string;
  emergency: boolean;
  status: 'published' | 'cancelled';
  current: boolean;
  last_change: TNoticeChangeJson | string | null;
  addresses: TPlaceName[] | string;
};

/**
 * Notices in force or coming (published, or cancelled and marked so until their planned end)
 * for the premises of the actor's linked accounts, in ONE round trip
 * (the dashboard is the most visited page). Starts from the few published notices not yet over
 * (index on status, ends_at), then matches their targets against the actor's premises: a
 * targeted district, or a targeted account at the same premises. Ownership is the join on
 * account_links for this user.
 */
const residentNoticesQuery = () => sql`
  with mine as (
    select distinct p.id as premises_id, p.district_id, p.address_zh, p.address_en
      from account_links al
      join service_accounts sa on sa.id = al.account_id
      join premises p on p.id = sa.premises_id
     where al.user_id = ${sql.placeholder('userId')}
  ), active as (
    select n.id from notices n
     where n.status in ('published', 'cancelled') and n.ends_at > now()
  ), hits as (
    select nt.notice_id, m.premises_id, m.address_zh, m.address_en
      from active a
      join notice_targets nt on nt.notice_id = a.id
      join mine m on m.district_id = nt.district_id
    union
    select nt.notice_id, m.premises_id, m.address_zh, m.address_en
      from active a
      join notice_targets nt on nt.notice_id = a.id
      join service_accounts tsa on tsa.id = nt.account_id
      join mine m on m.premises_id = tsa.premises_id
  )
  select n.id, n.kind, n.utility, n.title_zh, n.title_en, n.starts_at, n.ends_at, n.emergency,
         n.status, n.starts_at <= now() as current, ${sql.raw(LAST_CHANGE_COLUMN)},
         json_agg(json_build_object('zh', h.address_zh, 'en', h.address_en)
                  order by h.premises_id) as addresses
    from hits h
    join notices n on n.id = h.notice_id
   group by n.id
   order by n.starts_at, n.id
   limit 20`;

export async function listResidentNotices(input: { actor: TActor }): Promise<TResidentNotice[]> {
  return readPart(residentNoticesPart(input));
}

/** The same read as a part, for a page that reads several domains at once (ADR 022). */
export function residentNoticesPart(input: { actor: TActor }): TReadPart<TResidentNotice[], TRow> {
  assertCan(input.actor, 'view:account:own');
  return {
    // A prepared statement: the dashboard runs this on every visit.
    name: 'resident-notices',
    query: residentNoticesQuery,
    values: { userId: input.actor.userId },
    decode: (rows) =>
      rows.map((r) => ({
        ...noticeCoreOf(r),
        status: r.status,
        current: r.current,
        addresses: parseJson(r.addresses) ?? [],
      })),
  };
}
