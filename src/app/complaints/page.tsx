import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { requireUser } from '@/server/auth';
import { listMyComplaints } from '@/server/complaints';
import { env } from '@/env';
import type { TComplaintStatus } from '@/server/complaints';

/** Waiting on the resident stands out: it is the one status that asks them to act. */
const STATUS_TONE: Record<TComplaintStatus, string> = {
  new: 'border-brand-600 bg-brand-50 text-brand-800',
  in_progress: 'border-brand-600 bg-brand-50 text-brand-800',
  awaiting_resident: 'border-amber-700 bg-amber-50 text-amber-900',
  closed: 'border-success bg-green-50 text-success',
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('complaints');
  return { title: t('list.title') };
}

export default async function ComplaintsPage() {
  const actor = await requireUser();
  const [t, cases] = await Promise.all([
    getTranslations('complaints'),
    listMyComplaints({ actor }),
  ]);
  const now = new Date();
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
        // One card per case rather than a table: at a phone's width a four-column table broke
        // the status into a character per line and left the reference half off screen.
        <ul className="space-y-3" aria-label={t('list.title')}>
          {cases.map((c) => {
            const overdue = c.nextDueAt !== null && c.nextDueAt < now;
            const due =
              c.firstRespondedAt === null && c.firstResponseDueAt !== null
                ? t(`deadline.firstResponse.${c.category}`)
                : t(`deadline.answer.${c.category}`);
            return (
              <li
                key={c.id}
                className={`rounded-xl border bg-white p-4 shadow-sm ${
                  overdue ? 'border-danger border-l-4' : 'border-slate-200'
                }`}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                  <h2 className="text-lg font-semibold">
                    {t(`category.${c.category}`)}{' '}
                    <Link
                      href={`/complaints/${c.id}`}
                      aria-label={t('list.openLabel', { reference: c.reference })}
                      className="link-action font-mono text-base font-normal"
                    >
                      {c.reference}
                    </Link>
                  </h2>
                  <span className={`pill ${STATUS_TONE[c.status]}`}>{t(`status.${c.status}`)}</span>
                </div>
                <p className="text-muted mt-1 text-sm">
                  {t('list.filed', {
                    subType: t(`subType.${c.subType as 'other'}`),
                    at: c.createdAt,
                  })}
                </p>
                {c.nextDueAt ? (
                  <p className={overdue ? 'text-danger mt-2 font-semibold' : 'mt-2'}>
                    {t(overdue ? 'list.overdueBy' : 'list.dueBy', { what: due, due: c.nextDueAt })}
                  </p>
                ) : null}
                {c.status === 'closed' && !c.rated ? (
                  <p className="mt-2 font-semibold text-amber-900">{t('list.toRate')}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
