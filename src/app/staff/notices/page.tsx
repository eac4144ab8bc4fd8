import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from '@/i18n/server';
import { PageTitle, SelectField } from '@/components/ui/form';
import { requirePermission } from '@/server/auth';
import { listStaffNotices, NOTICE_STATUSES } from '@/server/notices';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notices');
  return { title: t('staff.title') };
}

export default async function StaffNoticesPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; page?: string }>;
}) {
  const actor = await requirePermission('publish:notice:any');
  const params = await searchParams;
  const status = NOTICE_STATUSES.find((s) => s === params.status) ?? null;
  const page = /^\d{1,4}$/.test(params.page ?? '') ? Math.max(1, Number(params.page)) : 1;
  const [{ notices, total, pageSize }, t, format] = await Promise.all([
    listStaffNotices({ actor, status, page }),
    getTranslations('notices'),
    getFormatter(),
  ]);
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageHref = (p: number) =>
    `/staff/notices?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) }).toString()}`;
  return (
    <div className="space-y-6">
      <PageTitle lead={t('staff.lead')}>{t('staff.title')}</PageTitle>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <Link href="/staff/notices/new" className="btn-primary">
          {t('staff.new')}
        </Link>
        <form method="get" action="/staff/notices" className="flex flex-wrap items-end gap-3">
          <div className="min-w-40">
            <SelectField
              id="status"
              label={t('staff.filter')}
              defaultValue={status ?? ''}
              options={[
                { value: '', label: t('staff.allStatuses') },
                ...NOTICE_STATUSES.map((s) => ({ value: s, label: t(`staff.status.${s}`) })),
              ]}
            />
          </div>
          <button
            type="submit"
            className="border-brand-600 text-brand-700 hover:bg-brand-50 inline-flex min-h-11 items-center rounded-lg border-2 px-4 font-semibold"
          >
            {t('staff.filterSubmit')}
          </button>
        </form>
      </div>

      {notices.length === 0 ? (
        <p>{t('staff.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  {t('staff.columns.title')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('staff.columns.kind')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('staff.columns.status')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('staff.columns.time')}
                </th>
                <th scope="col" className="py-2">
                  {t('staff.columns.delivered')}
                </th>
              </tr>
            </thead>
            <tbody>
              {notices.map((n) => (
                <tr key={n.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4">
                    <Link href={`/staff/notices/${n.id}`} lang="zh-CN" className="link-action">
                      {n.titleZh}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">
                    {t(`kind.${n.kind}`)}
                    {n.emergency ? (
                      <span className="text-danger ml-2 font-semibold">{t('emergency')}</span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">{t(`staff.status.${n.status}`)}</td>
                  <td className="py-2 pr-4">
                    {t('when.range', { start: at(n.startsAt), end: at(n.endsAt) })}
                  </td>
                  <td className="py-2 tabular-nums">{format.number(n.delivered)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav
          aria-label={t('public.page', { page, pages })}
          className="flex flex-wrap items-center gap-4"
        >
          {page > 1 ? <Link href={pageHref(page - 1)}>{t('public.previous')}</Link> : null}
          <span>{t('public.page', { page, pages })}</span>
          {page < pages ? <Link href={pageHref(page + 1)}>{t('public.next')}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
