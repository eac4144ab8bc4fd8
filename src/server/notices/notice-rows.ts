import 'server-only';
import type { TNoticeChanges, TNoticeKind, TNoticeRevisionKind, TUtility } from '../db/schema';
import type { TNoticeChange, TNoticeSummary, TPlaceName } from './types';

/** A revision as JSON (alias `r` for notice_revisions). */
export const NOTICE_CHANGE_JSON = `json_build_object('revision', r.revision, 'kind', r.kind,
  'changes', r.changes, 'reason', r.reason, 'at', r.created_at)`;

/** The latest revision or cancellation of notice `n`, as JSON (null without one). */
export const LAST_CHANGE_COLUMN = `(select ${NOTICE_CHANGE_JSON} from notice_revisions r
    where r.notice_id = n.id order by r.revision desc limit 1) as last_change`;

/** The columns every notice list selects (alias `n` for notices), as snake_case SQL. */
export const NOTICE_SUMMARY_COLUMNS = `
  n.id, n.kind, n.utility, n.title_zh, n.title_en, n.starts_at, n.ends_at, n.emergency,
  coalesce((select json_agg(json_build_object('zh', d.name_zh, 'en', d.name_en) order by d.id)
              from notice_targets nt join districts d on d.id = nt.district_id
             where nt.notice_id = n.id), '[]') as districts,
  (select count(*) from notice_targets nt
    where nt.notice_id = n.id and nt.account_id is not null)::int as account_targets,
  n.status, ${LAST_CHANGE_COLUMN}`;

export type TNoticeSummaryRow = {
  id: number | string;
  kind: TNoticeKind;
  utility: TUtility;
  title_zh: string;
  title_en: string | null;
  starts_at: Date | string;
  ends_at: Date | string;
  emergency: boolean;
  districts: TPlaceName[] | string;
  account_targets: number | string;
  status: 'published' | 'cancelled' | 'withdrawn';
  last_change: TNoticeChangeJson | string | null;
};

export type TNoticeChangeJson = {
  revision: number;
  kind: TNoticeRevisionKind;
  changes: TNoticeChanges;
  reason: string;
  at: string;
};

export function toNoticeChange(json: TNoticeChangeJson): TNoticeChange {
  return { ...json, at: new Date(json.at) };
}

/** json columns arrive parsed from node-postgres and PGlite alike, but be tolerant of text. */
export function parseJson<T>(value: T | string | null): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** The columns every notice row has (alias `n`), as every notice DTO has them. */
type TNoticeCoreRow = Pick<
  TNoticeSummaryRow,
  'id' | 'kind' | 'utility' | 'title_zh' | 'title_en' | 'starts_at' | 'ends_at' | 'emergency'
> & { last_change: TNoticeChangeJson | string | null };

export function noticeCoreOf(r: TNoticeCoreRow) {
  return {
    id: Number(r.id),
    kind: r.kind,
    utility: r.utility,
    title: { zh: r.title_zh, en: r.title_en },
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    emergency: r.emergency,
    lastChange: lastChangeOf(r.last_change),
  };
}

export function toNoticeSummary(r: TNoticeSummaryRow): TNoticeSummary {
  return {
    ...noticeCoreOf(r),
    districts: parseJson(r.districts) ?? [],
    accountTargets: Number(r.account_targets),
    status: r.status,
  };
}

export function lastChangeOf(value: TNoticeChangeJson | string | null): TNoticeChange | null {
  const json = parseJson(value);
  return json ? toNoticeChange(json) : null;
}
