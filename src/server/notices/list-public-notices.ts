import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '../db';
import type { TUtility } from '../db/schema';
import { NOTICE_SUMMARY_COLUMNS, toNoticeSummary, type TNoticeSummaryRow } from './notice-rows';
import type { TNoticeSummary } from './types';

export const NOTICE_WHEN = ['current', 'upcoming', 'past'] as const;
export type TNoticeWhen = (typeof NOTICE_WHEN)[number];

export const PUBLIC_NOTICES_PAGE_SIZE = 20;

const WHEN_SQL: Record<TNoticeWhen, { where: (now: Date) => SQL; order: SQL }> = {
  current: {
    where: (now) => sql`n.starts_at <= ${now.toISOString()}::timestamptz
                        and n.ends_at > ${now.toISOString()}::timestamptz`,
    order: sql`n.ends_at, n.id`,
  },
  upcoming: {
    where: (now) => sql`n.starts_at > ${now.toISOString()}::timestamptz`,
    order: sql`n.starts_at, n.id`,
  },
  past: {
    where: (now) => sql`n.ends_at <= ${now.toISOString()}::timestamptz`,
    order: sql`n.ends_at desc, n.id desc`,
  },
};

/**
 * The public notices page (no sign-in): published notices — and cancelled ones, marked — that
 * are in force now, coming, or over, optionally for one district (a notice for single accounts counts for the district of
 * their premises) and one utility. No personal data: account targets are only counted.
 */
export async function listPublicNotices(input: {
  when: TNoticeWhen;
  districtId?: number | null;
  utility?: TUtility | null;
  page?: number;
  now?: Date;
}): Promise<{ notices: TNoticeSummary[]; total: number; pageSize: number }> {
  const db = await getDb();
  const page = Math.max(1, input.page ?? 1);
  const when = WHEN_SQL[input.when];
  const result = await db.execute(sql`
    select ${sql.raw(NOTICE_SUMMARY_COLUMNS)}, count(*) over () as total
      from notices n
     where n.status in ('published', 'cancelled')
       and ${when.where(input.now ?? new Date())}
       and (${input.utility ?? null}::text is null or n.utility::text = ${input.utility ?? null}::text)
       and (${input.districtId ?? null}::int is null or exists (
             select 1 from notice_targets nt
               left join service_accounts sa on sa.id = nt.account_id
               left join premises p on p.id = sa.premises_id
              where nt.notice_id = n.id
                and (nt.district_id = ${input.districtId ?? null}::int
                     or p.district_id = ${input.districtId ?? null}::int)))
     order by ${when.order}
     limit ${PUBLIC_NOTICES_PAGE_SIZE} offset ${(page - 1) * PUBLIC_NOTICES_PAGE_SIZE}`);
  const rows = (result as unknown as { rows: (TNoticeSummaryRow & { total: string | number })[] })
    .rows;
  return {
    notices: rows.map(toNoticeSummary),
    total: Number(rows[0]?.total ?? 0),
    pageSize: PUBLIC_NOTICES_PAGE_SIZE,
  };
}
