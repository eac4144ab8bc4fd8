import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle, SecondaryButton } from '@/components/ui/form';
import { requirePermission } from '@/server/auth';
import { countOpenComplaints, listComplaintQueue, type TQueueFilters } from '@/server/complaints';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_DEPARTMENTS,
  COMPLAINT_STATUSES,
} from '@/server/complaints';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('complaints');
  return { title: t('staff.title') };
}

type TSearch = Record<string, string | undefined>;

function pick<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return list.find((v) => v === value);
}

const selectClass = 'block min-h-11 w-full rounded-md border border-slate-400 px-3 py-2 text-base';

export default async function StaffComplaintsPage({
  searchParams,
}: {
  searchParams: Promise<TSearch>;
}) {
  const actor = await requirePermission('handle:complaint:any');
  const q = await searchParams;
  const filters: TQueueFilters = {
    category: pick(COMPLAINT_CATEGORIES, q.category),
    department: pick(COMPLAINT_DEPARTMENTS, q.department),
    status: q.status === 'closed' ? 'closed' : (pick(COMPLAINT_STATUSES, q.status) ?? 'open'),
    overdue: q.overdue === '1',
    escalated: q.escalated === '1',
    mine: q.mine === '1',
  };
  const page = /^\d{1,4}$/.test(q.page ?? '') ? Number(q.page) : 1;
  const now = new Date();
  const [t, format, queue, counts] = await Promise.all([
    getTranslations('complaints'),
    getFormatter(),
    listComplaintQueue({ actor, filters, page, now }),
    countOpenComplaints({ actor, now }),
  ]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  const link = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v && k !== 'page') params.set(k, v);
    params.set('page', String(p));
    return `/staff/complaints?${params.toString()}`;
  };
  return (
    <div className="space-y-6">
      <PageTitle lead={t('staff.lead')}>{t('staff.title')}</PageTitle>
      <p className="font-semibold" data-testid="queue-counts">
        {t('staff.counts', {
          open: `${format.number(counts.open)}${counts.capped.open ? '+' : ''}`,
          overdue: `${format.number(counts.overdue)}${counts.capped.overdue ? '+' : ''}`,
        })}
      </p>

      <form
        method="get"
        action="/staff/complaints"
        className="space-y-3 rounded-xl border border-slate-200 p-4"
      >
        <h2 className="font-semibold">{t('staff.filters')}</h2>
        <div className="grid gap-3 sm:grid-cols-3">
          <div>
            <label htmlFor="f-category" className="block font-medium">
              {t('staff.category')}
            </label>
            <select
              id="f-category"
              name="category"
              defaultValue={filters.category ?? ''}
              className={selectClass}
            >
              <option value="">{t('staff.all')}</option>
              {COMPLAINT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-department" className="block font-medium">
              {t('staff.department')}
            </label>
            <select
              id="f-department"
              name="department"
              defaultValue={filters.department ?? ''}
              className={selectClass}
            >
              <option value="">{t('staff.all')}</option>
              {COMPLAINT_DEPARTMENTS.map((d) => (
                <option key={d} value={d}>
                  {t(`department.${d}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-status" className="block font-medium">
              {t('staff.status')}
            </label>
            <select
              id="f-status"
              name="status"
              defaultValue={filters.status}
              className={selectClass}
            >
              <option value="open">{t('staff.openStatuses')}</option>
              {COMPLAINT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="flex flex-wrap gap-4">
          {(['overdue', 'escalated', 'mine'] as const).map((name) => (
            <label key={name} className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                name={name}
                value="1"
                defaultChecked={filters[name]}
                className="size-5"
              />
              {t(`staff.${name}Only`)}
            </label>
          ))}
        </div>
        <SecondaryButton>{t('staff.apply')}</SecondaryButton>
      </form>

      {queue.items.length === 0 ? (
        <FormMessage tone="info">{t('staff.empty')}</FormMessage>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left" data-testid="queue">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">
                  {t('staff.reference')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('staff.category')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('staff.status')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('staff.department')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('staff.assignee')}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t('staff.due')}
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">{t('staff.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((c) => (
                <tr
                  key={c.id}
                  className={`border-b border-slate-200 ${c.overdue ? 'bg-red-50' : ''}`}
                >
                  <td className="py-2 pr-3 font-mono">{c.reference}</td>
                  <td className="py-2 pr-3">
                    {t(`category.${c.category}`)}
                    <span className="text-muted block text-sm">
                      {t(`subType.${c.subType as 'other'}`)}
                    </span>
                  </td>
                  <td className="py-2 pr-3">
                    {t(`status.${c.status}`)}
                    {c.escalated ? (
                      <span className="ml-1 rounded bg-amber-200 px-1.5 text-sm font-semibold text-amber-950">
                        {t('staff.escalated')}
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-3">{t(`department.${c.department}`)}</td>
                  <td className="py-2 pr-3">
                    {c.assigneeName ?? <span className="text-muted">{t('staff.unassigned')}</span>}
                  </td>
                  <td className="py-2 pr-3">
                    {c.nextDueAt ? (
                      <>
                        {c.overdue ? (
                          <strong className="text-danger block">{t('staff.overdue')}</strong>
                        ) : null}
                        {when(c.nextDueAt)}
                      </>
                    ) : c.closedAt ? (
                      when(c.closedAt)
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="py-2">
                    <Link
                      href={`/staff/complaints/${c.id}`}
                      aria-label={t('staff.openLabel', { reference: c.reference })}
                      className="link-action"
                    >
                      {t('staff.open')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t('staff.page', { page: queue.page })} className="flex items-center gap-4">
        {queue.page > 1 ? (
          <Link href={link(queue.page - 1)} className="inline-flex min-h-11 items-center">
            {t('staff.previous')}
          </Link>
        ) : null}
        <span>{t('staff.page', { page: queue.page })}</span>
        {queue.hasNext ? (
          <Link href={link(queue.page + 1)} className="inline-flex min-h-11 items-center">
            {t('staff.next')}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
