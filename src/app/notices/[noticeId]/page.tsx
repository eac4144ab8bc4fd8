import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { localizedText } from '@/components/notices/localized-text';
import { NoticeBadges, noticeBadgeState } from '@/components/notices/notice-badges';
import { NoticeChangeSummary } from '@/components/notices/notice-change';
import { NoticeArea } from '@/components/notices/notice-list-item';
import { FormMessage } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { getPublicNotice } from '@/server/notices';
import { getContactChannels } from '@/server/site';

type TParams = { params: Promise<{ noticeId: string }> };

async function load(params: TParams['params']) {
  const { noticeId } = await params;
  if (!/^\d{1,9}$/.test(noticeId)) return null;
  return getPublicNotice(Number(noticeId));
}

export async function generateMetadata({ params }: TParams): Promise<Metadata> {
  const notice = await load(params);
  const t = await getTranslations('notices');
  if (!notice) return { title: t('public.title') };
  return { title: localizedText(notice.title, toLocale(await getLocale())).value };
}

/**
 * One notice, public. A withdrawn or cancelled notice says so (residents may follow an old
 * mail here); a revised one says when it changed and lists every change with its reason.
 */
export default async function NoticePage({ params }: TParams) {
  const notice = await load(params);
  if (!notice) pageNotFound();
  const [t, format, locale] = await Promise.all([
    getTranslations('notices'),
    getFormatter(),
    getLocale().then(toLocale),
  ]);
  const title = localizedText(notice.title, locale);
  const body = localizedText(notice.body, locale);
  const contact = getContactChannels(locale);
  const hotline = (u: 'water' | 'electricity') =>
    contact.hotlines.find((h) => h.utility === u)?.number ?? '';
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'full', timeStyle: 'short' });
  return (
    <article aria-labelledby="notice-title" className="max-w-3xl space-y-5">
      <p>
        <Link href="/notices">{t('detail.back')}</Link>
      </p>
      <NoticeBadges
        kind={notice.kind}
        emergency={notice.emergency}
        state={noticeBadgeState(notice)}
      />
      <h1 id="notice-title" lang={title.lang} className="text-ink text-2xl font-bold">
        {title.value}
      </h1>
      {notice.status === 'withdrawn' && notice.withdrawnAt ? (
        <FormMessage tone="info">
          {t('detail.withdrawn', {
            date: format.dateTime(notice.withdrawnAt, { dateStyle: 'long' }),
          })}
        </FormMessage>
      ) : null}
      {notice.status === 'cancelled' && notice.lastChange ? (
        <FormMessage tone="info">
          {t('detail.cancelled', {
            date: format.dateTime(notice.lastChange.at, { dateStyle: 'long' }),
          })}{' '}
          {t('change.reason')}
          <span lang="zh-CN">{notice.lastChange.reason}</span>
        </FormMessage>
      ) : notice.status === 'published' && notice.lastChange ? (
        <FormMessage tone="info">
          {t('detail.updated', {
            date: format.dateTime(notice.lastChange.at, { dateStyle: 'long', timeStyle: 'short' }),
          })}
        </FormMessage>
      ) : null}
      {title.fellBack || body.fellBack ? <p className="text-muted">{t('zhOnly')}</p> : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-slate-50 p-4">
        <dt className="font-medium">{t('detail.kind')}</dt>
        <dd>
          {t(`kind.${notice.kind}`)} · {t(`utility.${notice.utility}`)}
        </dd>
        <dt className="font-medium">{t('detail.starts')}</dt>
        <dd>
          <time dateTime={notice.startsAt.toISOString()}>{at(notice.startsAt)}</time>
        </dd>
        <dt className="font-medium">{t('detail.ends')}</dt>
        <dd>
          <time dateTime={notice.endsAt.toISOString()}>{at(notice.endsAt)}</time>
        </dd>
        <dt className="font-medium">{t('area.label')}</dt>
        <dd>
          <NoticeArea districts={notice.districts} accountTargets={notice.accountTargets} />
        </dd>
        {notice.publishedAt ? (
          <>
            <dt className="font-medium">{t('detail.published')}</dt>
            <dd>
              {format.dateTime(notice.publishedAt, { dateStyle: 'long', timeStyle: 'short' })}
            </dd>
          </>
        ) : null}
      </dl>
      {notice.emergency && notice.emergencyReason ? (
        <p className="border-danger rounded-md border-l-4 bg-red-50 p-3">
          <strong>{t('emergencyReason')}</strong>
          <span className="ml-2">{notice.emergencyReason}</span>
        </p>
      ) : null}
      <div
        lang={body.lang}
        className="max-w-prose space-y-3 text-lg leading-relaxed whitespace-pre-line"
      >
        {body.value}
      </div>
      {notice.changes.length ? (
        <section aria-labelledby="changes-heading" className="space-y-3">
          <h2 id="changes-heading" className="text-xl font-semibold">
            {t('detail.changes')}
          </h2>
          <ol className="space-y-3">
            {[...notice.changes].reverse().map((change) => (
              <li key={change.revision} className="rounded-md border border-slate-200 p-3">
                <NoticeChangeSummary change={change} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p className="text-muted">
        {t('detail.contact', { utility: notice.utility, number: hotline(notice.utility) })}
      </p>
    </article>
  );
}
