import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from '@/i18n/server';
import { NoticeListItem } from '@/components/notices/notice-list-item';
import { PageTitle, SelectField } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import {
  listNoticeDistricts,
  listPublicNotices,
  NOTICE_WHEN,
  type TNoticeWhen,
} from '@/server/notices';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notices');
  return { title: t('public.title') };
}

type TSearchParams = { when?: string; district?: string; utility?: string; page?: string };

/** Public (no sign-in): the notices in force, coming or over, by district and utility. */
export default async function PublicNoticesPage({
  searchParams,
}: {
  searchParams: Promise<TSearchParams>;
}) {
  const params = await searchParams;
  const when: TNoticeWhen = NOTICE_WHEN.find((w) => w === params.when) ?? 'current';
  const utility =
    params.utility === 'water' || params.utility === 'electricity' ? params.utility : null;
  const districtOptions = await listNoticeDistricts();
  const districtId = districtOptions.find((d) => String(d.id) === params.district)?.id ?? null;
  const page = /^\d{1,4}$/.test(params.page ?? '') ? Math.max(1, Number(params.page)) : 1;
  const [{ notices, total, pageSize }, t, locale] = await Promise.all([
    listPublicNotices({ when, districtId, utility, page }),
    getTranslations('notices'),
    getLocale().then(toLocale),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (changes: Partial<Record<keyof TSearchParams, string | null>>) => {
    const query = new URLSearchParams();
    const merged = {
      when,
      district: districtId ? String(districtId) : null,
      utility,
      page: null as string | null,
      ...changes,
    };
    for (const [key, value] of Object.entries(merged)) if (value) query.set(key, value);
    return `/notices?${query.toString()}`;
  };

  return (
    <div className="space-y-6">
      <PageTitle lead={t('public.lead')}>{t('public.title')}</PageTitle>

      <nav aria-label={t('public.tabs')}>
        <ul className="flex flex-wrap gap-2">
          {NOTICE_WHEN.map((w) => (
            <li key={w}>
              <Link
                href={href({ when: w })}
                aria-current={w === when ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center rounded-md border-2 px-4 font-semibold no-underline ${
                  w === when
                    ? 'border-brand-600 bg-brand-600 text-white'
                    : 'border-brand-600 text-brand-700 hover:bg-brand-50'
                }`}
              >
                {t(`when.${w}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form
        method="get"
        action="/notices"
        aria-label={t('public.filters')}
        className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-slate-50 p-4"
      >
        <input type="hidden" name="when" value={when} />
        <div className="min-w-48">
          <SelectField
            id="district"
            label={t('public.district')}
            defaultValue={districtId ? String(districtId) : ''}
            options={[
              { value: '', label: t('public.allDistricts') },
              ...districtOptions.map((d) => ({
                value: String(d.id),
                label: locale === 'en' ? d.name.en : d.name.zh,
              })),
            ]}
          />
        </div>
        <div className="min-w-48">
          <SelectField
            id="utility"
            label={t('public.utility')}
            defaultValue={utility ?? ''}
            options={[
              { value: '', label: t('public.allUtilities') },
              { value: 'water', label: t('utility.water') },
              { value: 'electricity', label: t('utility.electricity') },
            ]}
          />
        </div>
        <button
          type="submit"
          className="bg-brand-600 hover:bg-brand-700 inline-flex min-h-12 items-center rounded-lg px-5 font-semibold text-white"
        >
          {t('public.show')}
        </button>
      </form>

      <section aria-labelledby="notices-list-heading" className="space-y-4">
        <h2 id="notices-list-heading" className="text-xl font-semibold">
          {t(`when.${when}`)}
          <span className="text-muted ml-3 text-base font-normal">
            {t('public.count', { count: total })}
          </span>
        </h2>
        {notices.length === 0 ? (
          <p>{t(`public.empty.${when}`)}</p>
        ) : (
          <ul className="space-y-4">
            {notices.map((notice) => (
              <li key={notice.id}>
                <NoticeListItem notice={notice} />
              </li>
            ))}
          </ul>
        )}
        {pages > 1 ? (
          <nav
            aria-label={t('public.page', { page, pages })}
            className="flex flex-wrap items-center gap-4"
          >
            {page > 1 ? (
              <Link
                href={href({ page: String(page - 1) })}
                className="inline-flex min-h-11 items-center"
              >
                {t('public.previous')}
              </Link>
            ) : null}
            <span>{t('public.page', { page, pages })}</span>
            {page < pages ? (
              <Link
                href={href({ page: String(page + 1) })}
                className="inline-flex min-h-11 items-center"
              >
                {t('public.next')}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <p className="text-muted max-w-prose">{t('public.signInHint')}</p>
    </div>
  );
}
