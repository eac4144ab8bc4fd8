import Link from '@/components/ui/link';
import { useTranslations } from '@/i18n/server';
import type { TResidentComplaintSummary } from '@/server/complaints';

/** The dashboard's entry to repairs and complaints: what is open, what waits for a rating. */
export function DashboardComplaints({ cases }: { cases: TResidentComplaintSummary[] }) {
  const t = useTranslations('complaints');
  const open = cases.filter((c) => c.status !== 'closed').length;
  const toRate = cases.filter((c) => c.status === 'closed' && !c.rated).length;
  return (
    <section
      aria-labelledby="complaints-heading"
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-5"
    >
      <h2 id="complaints-heading" className="text-xl font-semibold">
        {t('dashboard.title')}
      </h2>
      <p>{open > 0 ? t('dashboard.open', { count: open }) : t('dashboard.none')}</p>
      {toRate > 0 ? (
        <p className="font-semibold text-amber-900">{t('dashboard.toRate', { count: toRate })}</p>
      ) : null}
      <p className="flex flex-wrap gap-4">
        <Link href="/complaints" className="link-action">
          {t('dashboard.view')}
        </Link>
        <Link href="/complaints/new" className="link-action">
          {t('dashboard.new')}
        </Link>
      </p>
    </section>
  );
}
