import { useTranslations } from '@/i18n/server';
import type { TNoticeKind } from '@/server/notices';

const KIND_STYLE: Record<TNoticeKind, string> = {
  planned_outage: 'border-amber-700 bg-amber-50 text-amber-900',
  water_outage: 'border-sky-800 bg-sky-50 text-sky-900',
  low_pressure: 'border-sky-800 bg-sky-50 text-sky-900',
  works: 'border-slate-600 bg-slate-50 text-slate-800',
  water_quality: 'border-emerald-800 bg-emerald-50 text-emerald-900',
};

/**
 * The kind of a notice as a labelled chip, plus "emergency" when it was published at short
 * notice, and "cancelled" or "updated" once it changed after publishing.
 */
export function NoticeBadges({
  kind,
  emergency,
  state = 'published',
}: {
  kind: TNoticeKind;
  emergency: boolean;
  state?: 'published' | 'updated' | 'cancelled' | 'withdrawn';
}) {
  const t = useTranslations('notices');
  return (
    <span className="inline-flex flex-wrap gap-2">
      <span className={`rounded border px-2 py-0.5 text-sm font-semibold ${KIND_STYLE[kind]}`}>
        {t(`kind.${kind}`)}
      </span>
      {emergency ? (
        <span className="border-danger text-danger rounded border bg-red-50 px-2 py-0.5 text-sm font-semibold">
          {t('emergency')}
        </span>
      ) : null}
      {state === 'cancelled' ? (
        <span className="rounded border border-slate-800 bg-slate-100 px-2 py-0.5 text-sm font-semibold text-slate-900">
          {t('badge.cancelled')}
        </span>
      ) : state === 'updated' ? (
        <span className="border-brand-700 text-brand-700 rounded border bg-white px-2 py-0.5 text-sm font-semibold">
          {t('badge.updated')}
        </span>
      ) : null}
    </span>
  );
}

/** The badge state of a notice from its status and whether it was revised. */
export function noticeBadgeState(notice: {
  status: 'published' | 'cancelled' | 'withdrawn';
  lastChange: unknown;
}): 'published' | 'updated' | 'cancelled' | 'withdrawn' {
  if (notice.status !== 'published') return notice.status;
  return notice.lastChange ? 'updated' : 'published';
}
