import 'server-only';
import { sql } from 'drizzle-orm';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { getDb } from '../db';
import type { TNoticeKind, TNoticeStatus, TUtility } from '../db/schema';
import type { TStaffNoticeListItem } from './types';

export const STAFF_NOTICES_PAGE_SIZE = 50;

type TRow = {
  id: number | string;
  kind: TNoticeKind;
  utility: TUtility;
  title_zh: string;
  status: TNoticeStatus;
  starts_at: Date | string;
  ends_at: Date | string;
  emergency: boolean;
  published_at: Date | string | null;
  delivered: number | string;
  total: number | string;
};

/**
 * Every notice for staff, drafts first, then the newest; optionally one status. `delivered` is
 * how many residents the notify job has told so far.
 */
export async function listStaffNotices(input: {
  actor: TActor;
  status?: TNoticeStatus | null;
  page?: number;
}): Promise<{ notices: TStaffNoticeListItem[]; total: number; pageSize: number }> {
  assertCan(input.actor, 'publish:notice:any');
  const db = await getDb();
  const page = Math.max(1, input.page ?? 1);
  const result = await db.execute(sql`
    select n.id, n.kind, n.utility, n.title_zh, n.status, n.starts_at, n.ends_at, n.emergency,
           n.published_at,
           (select count(d.delivered_at) from notice_deliveries d where d.notice_id = n.id) as delivered,
           count(*) over () as total
      from notices n
     where (${input.status ?? null}::text is null or n.status = ${input.status ?? null}::text)
     order by n.status = 'draft' desc, n.created_at desc, n.id desc
     limit ${STAFF_NOTICES_PAGE_SIZE} offset ${(page - 1) * STAFF_NOTICES_PAGE_SIZE}`);
  const rows = (result as unknown as { rows: TRow[] }).rows;
  return {
    notices: rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      utility: r.utility,
      titleZh: r.title_zh,
      status: r.status,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
      emergency: r.emergency,
      publishedAt: r.published_at === null ? null : new Date(r.published_at),
      delivered: Number(r.delivered),
    })),
    total: Number(rows[0]?.total ?? 0),
    pageSize: STAFF_NOTICES_PAGE_SIZE,
  };
}
