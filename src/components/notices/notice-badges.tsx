import { getTranslations } from '@/i18n/server';
import type { TNoticeKind } from '@/server/notices';

const KIND_STYLE: Record<TNoticeKind, string> = {
  planned_outage: 'border-amber-700 bg-amber-50 text-amber-900',
  water_outage: 'border-sky-800 bg-sky-50 text-sky-900',
  low_pressure: 'border-sky-800 bg-sky-50 text-sky-900',
  works: 'border-slate-600 bg-slate-50 text-slate-800',
  water_quality: 'border-emerald-800 bg-emerald-50 text-emerald-900',
};

/** The kind of a notice as a labelled chip, plus "emergency" when it was published at short notice. */
export async function NoticeBadges({ kind, emergency }: { kind: TNoticeKind; emergency: boolean }) {
  const t = await getTranslations('notices');
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
    </span>
  );
}
