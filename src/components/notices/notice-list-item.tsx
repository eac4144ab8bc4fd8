import Link from '@/components/ui/link';
import { useLocale, useTranslations } from '@/i18n/server';
import { toLocale } from '@/lib/locale';
import type { TNoticeSummary, TPlaceName } from '@/server/notices';
import { localizedText } from './localized-text';
import { NoticeBadges, noticeBadgeState } from './notice-badges';
import { NoticeChangeSummary } from './notice-change';
import { NoticeTimeRange } from './notice-time-range';

/** Where a notice applies, in words: district names and a count of single addresses. */
export function NoticeArea({
  districts,
  accountTargets,
}: {
  districts: TPlaceName[];
  accountTargets: number;
}) {
  const t = useTranslations('notices');
  const zh = toLocale(useLocale()) === 'zh-CN';
  const parts = [
    ...(districts.length
      ? [
          t('area.districts', {
            names: districts.map((d) => (zh ? d.zh : d.en)).join(t('area.joiner')),
          }),
        ]
      : []),
    ...(accountTargets > 0 ? [t('area.accounts', { count: accountTargets })] : []),
  ];
  return <>{parts.join(t('area.joiner'))}</>;
}

/** One notice in a list (the public page): kind, title, when and where, and a link. */
export function NoticeListItem({
  notice,
  headingLevel = 'h3',
}: {
  notice: TNoticeSummary;
  headingLevel?: 'h2' | 'h3';
}) {
  const t = useTranslations('notices');
  const locale = toLocale(useLocale());
  const title = localizedText(notice.title, locale);
  const Heading = headingLevel;
  const headingId = `notice-${notice.id}-title`;
  return (
    <article
      aria-labelledby={headingId}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <NoticeBadges
        kind={notice.kind}
        emergency={notice.emergency}
        state={noticeBadgeState(notice)}
      />
      <Heading id={headingId} lang={title.lang} className="mt-2 text-lg font-semibold">
        {title.value}
      </Heading>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted">{t('when.label')}</dt>
        <dd>
          <NoticeTimeRange startsAt={notice.startsAt} endsAt={notice.endsAt} />
        </dd>
        <dt className="text-muted">{t('area.label')}</dt>
        <dd>
          <NoticeArea districts={notice.districts} accountTargets={notice.accountTargets} />
        </dd>
      </dl>
      {notice.lastChange ? (
        <div className="mt-3 rounded-md border-l-4 border-slate-400 bg-slate-50 p-3">
          <NoticeChangeSummary change={notice.lastChange} />
        </div>
      ) : null}
      <p className="mt-3">
        <Link
          href={`/notices/${notice.id}`}
          aria-label={t('public.openLabel', { title: title.value })}
          className="link-action"
        >
          {t('public.open')}
        </Link>
      </p>
    </article>
  );
}
