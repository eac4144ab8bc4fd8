import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from '@/i18n/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { PageTitle } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { requirePermission } from '@/server/auth';
import { listNoticeDistricts } from '@/server/notices';
import { NoticeForm } from '../notice-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notices');
  return { title: t('staff.form.newTitle') };
}

export default async function NewNoticePage() {
  await requirePermission('publish:notice:any');
  const [t, locale, districts] = await Promise.all([
    getTranslations('notices'),
    getLocale().then(toLocale),
    listNoticeDistricts(),
  ]);
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle lead={t('staff.lead')}>{t('staff.form.newTitle')}</PageTitle>
      <ClientMessages namespaces={['notices']}>
        <NoticeForm
          defaults={{ kind: 'planned_outage', utility: 'electricity' }}
          districts={districts.map((d) => ({
            id: d.id,
            label: locale === 'en' ? d.name.en : d.name.zh,
          }))}
        />
      </ClientMessages>
      <p>
        <Link href="/staff/notices">{t('staff.form.cancel')}</Link>
      </p>
    </div>
  );
}
