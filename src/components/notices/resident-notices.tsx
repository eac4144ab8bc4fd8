import Link from '@/components/ui/link';
import { useLocale, useTranslations } from '@/i18n/server';
import { toLocale } from '@/lib/locale';
import type { TResidentNotice } from '@/server/notices';
import { localizedText } from './localized-text';
import { NoticeBadges, noticeBadgeState } from './notice-badges';
import { NoticeChangeSummary } from './notice-change';
import { NoticeTimeRange } from './notice-time-range';

/**
 * Dashboard section "Notices for your address": notices in force or coming for the premises of
 * the resident's linked accounts. Says so plainly when there are none.
 */
export function ResidentNotices({
  notices,
  showAddresses,
}: {
  notices: TResidentNotice[];
  /** Name the address only for residents with more than one. */
  showAddresses: boolean;
}) {
  const t = useTranslations('notices');
  const locale = toLocale(useLocale());
  return (
    <section aria-labelledby="notices-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="notices-heading" className="text-xl font-semibold">
          {t('dashboard.title')}
        </h2>
        <Link href="/notices" className="link-action">
          {t('dashboard.all')}
        </Link>
      </div>
      {notices.length === 0 ? (
        <p className="text-muted">{t('dashboard.empty')}</p>
      ) : (
        <ul className="space-y-3">
          {notices.map((notice) => {
            const title = localizedText(notice.title, locale);
            const current = notice.current;
            return (
              <li
                key={notice.id}
                className={`rounded-xl border-l-4 bg-white p-4 shadow-sm ${current ? 'border-amber-600' : 'border-brand-600'}`}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <NoticeBadges
                    kind={notice.kind}
                    emergency={notice.emergency}
                    state={noticeBadgeState(notice)}
                  />
                  {notice.status === 'cancelled' ? null : (
                    <span className="text-sm font-medium">
                      {current ? t('when.current') : t('when.upcoming')}
                    </span>
                  )}
                </div>
                {/* The title opens the notice: one link per notice, named by what it is about. */}
                <h3 lang={title.lang} className="mt-2 text-lg font-semibold">
                  <Link href={`/notices/${notice.id}`} className="link-action">
                    {title.value}
                  </Link>
                </h3>
                <p className="mt-1">
                  <NoticeTimeRange startsAt={notice.startsAt} endsAt={notice.endsAt} />
                </p>
                {notice.lastChange ? (
                  <div className="mt-2 rounded-md border-l-4 border-slate-400 bg-slate-50 p-3">
                    <NoticeChangeSummary change={notice.lastChange} />
                  </div>
                ) : null}
                {showAddresses ? (
                  <p className="text-muted mt-1">
                    {t('dashboard.for', {
                      addresses: notice.addresses
                        .map((a) => (locale === 'en' ? a.en : a.zh))
                        .join(t('area.joiner')),
                    })}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
