import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import {
  NOTICE_CHANGE_JSON,
  NOTICE_SUMMARY_COLUMNS,
  parseJson,
  toNoticeChange,
  toNoticeSummary,
  type TNoticeChangeJson,
  type TNoticeSummaryRow,
} from './notice-rows';
import type { TPublicNotice } from './types';

type TRow = TNoticeSummaryRow & {
  body_zh: string;
  body_en: string | null;
  emergency_reason: string | null;
  published_at: Date | string | null;
  withdrawn_at: Date | string | null;
  changes: TNoticeChangeJson[] | string | null;
};

const date = (value: Date | string | null) => (value === null ? null : new Date(value));

/**
 * One notice for its public page, with every revision and the cancellation (what changed and
 * why; never who). A draft does not exist to the public (null, "not found"); a withdrawn
 * notice is still shown, marked withdrawn, for residents following an old mail.
 */
export async function getPublicNotice(noticeId: number): Promise<TPublicNotice | null> {
  if (!Number.isSafeInteger(noticeId) || noticeId < 1 || noticeId > 2_147_483_647) return null;
  const db = await getDb();
  const result = await db.execute(sql`
    select ${sql.raw(NOTICE_SUMMARY_COLUMNS)}, n.body_zh, n.body_en, n.emergency_reason,
           n.published_at, n.withdrawn_at,
           (select json_agg(${sql.raw(NOTICE_CHANGE_JSON)} order by r.revision)
              from notice_revisions r where r.notice_id = n.id) as changes
      from notices n
     where n.id = ${noticeId} and n.status in ('published', 'cancelled', 'withdrawn')`);
  const [row] = (result as unknown as { rows: TRow[] }).rows;
  if (!row) return null;
  return {
    ...toNoticeSummary(row),
    body: { zh: row.body_zh, en: row.body_en },
    emergencyReason: row.emergency_reason,
    publishedAt: date(row.published_at),
    withdrawnAt: date(row.withdrawn_at),
    changes: (parseJson(row.changes) ?? []).map(toNoticeChange),
  };
}
