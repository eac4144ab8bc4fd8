import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { requireUser } from '@/server/auth';
import { listMyComplaints } from '@/server/complaints';
import { env } from '@/env';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('complaints');
  return { title: t('list.title') };
}

export default async function ComplaintsPage() {
  const actor = await requireUser();
  const [t, format, cases] = await Promise.all([
    getTranslations('complaints'),
    getFormatter(),
    listMyComplaints({ actor }),
  ]);
  const now = new Date();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="space-y-6">
      <PageTitle lead={t('list.lead')}>{t('list.title')}</PageTitle>
      <p>
        <Link href="/complaints/new" className="btn-primary">
          {t('list.new')}
        </Link>
      </p>
      <FormMessage tone="info">
        {t('list.hotline', { water: env.HOTLINE_WATER, electricity: env.HOTLINE_ELECTRICITY })}
      </FormMessage>
      {cases.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">
                  {t('list.reference')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('list.category')}
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t('list.status')}
                </th>
                <th scope="col" className="py-2">
                  {t('list.next')}
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id} className="border-b border-slate-200">
                  {/* The reference opens the case: a separate "view" column sat past a phone's
                      right edge. */}
                  <th scope="row" className="py-2 pr-4 text-left font-mono font-normal">
                    <Link
                      href={`/complaints/${c.id}`}
                      aria-label={t('list.openLabel', { reference: c.reference })}
                      className="link-action"
                    >
                      {c.reference}
                    </Link>
                  </th>
                  <td className="py-2 pr-4">
                    {t(`category.${c.category}`)}
                    <span className="text-muted block text-sm">
                      {t(`subType.${c.subType as 'other'}`)} · {when(c.createdAt)}
                    </span>
                  </td>
                  <td className="py-2 pr-4">
                    {t(`status.${c.status}`)}
                    {c.status === 'closed' && !c.rated ? (
                      <span className="block text-sm font-semibold text-amber-800">
                        {t('list.toRate')}
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2">
                    {c.nextDueAt ? (
                      <span className={c.nextDueAt < now ? 'text-danger font-semibold' : undefined}>
                        {when(c.nextDueAt)}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
