import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { PageTitle } from '@/components/ui/form';
import { requirePermission } from '@/server/auth';
import { NoticeForm } from '../notice-form';
import { noticeDistrictOptions } from '../notice-form-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notices');
  return { title: t('staff.form.newTitle') };
}

export default async function NewNoticePage() {
  await requirePermission('publish:notice:any');
  const [t, districts] = await Promise.all([getTranslations('notices'), noticeDistrictOptions()]);
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle lead={t('staff.lead')}>{t('staff.form.newTitle')}</PageTitle>
      <ClientMessages namespaces={['notices']}>
        <NoticeForm
          defaults={{ kind: 'planned_outage', utility: 'electricity' }}
          districts={districts}
        />
      </ClientMessages>
      <p>
        <Link href="/staff/notices">{t('staff.form.cancel')}</Link>
      </p>
    </div>
  );
}
