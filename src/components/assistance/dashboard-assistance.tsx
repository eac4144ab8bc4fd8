import Link from '@/components/ui/link';
import { useFormatter, useLocale, useTranslations } from '@/i18n/server';
import { dayDate } from '@/components/assistance/dates';
import type { TApplicationSummary } from '@/server/assistance';

/** The dashboard's small "help with bills" entry: apply, status, and until when a grant runs. */
export function DashboardAssistance({ applications }: { applications: TApplicationSummary[] }) {
  const t = useTranslations('assistance');
  const format = useFormatter();
  const locale = useLocale();
  const zh = locale === 'zh-CN';
  const shown = applications
    .filter((a) => a.status !== 'withdrawn' && a.status !== 'rejected')
    .slice(0, 3);
  return (
    <section
      aria-labelledby="assistance-heading"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-5"
    >
      <h2 id="assistance-heading" className="text-xl font-semibold">
        {t('dashboard.title')}
      </h2>
      {shown.length === 0 ? (
        <p>{t('dashboard.none')}</p>
      ) : (
        <ul className="space-y-1">
          {shown.map((a) => {
            const name = zh ? a.programName.zh : a.programName.en;
            return (
              <li key={a.id}>
                <Link href={`/assistance/${a.id}`}>
                  {a.status === 'approved' && a.validTo
                    ? t('dashboard.validUntil', {
                        name,
                        date: format.dateTime(dayDate(a.validTo), { dateStyle: 'long' }),
                      })
                    : t('dashboard.pending', { name, status: t(`status.${a.status}`) })}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        <Link href="/assistance" className="btn-outline-sm">
          {t('dashboard.apply')}
        </Link>
        {applications.length > 0 ? (
          <Link href="/assistance" className="inline-flex min-h-11 items-center px-2">
            {t('dashboard.view')}
          </Link>
        ) : null}
      </p>
    </section>
  );
}
