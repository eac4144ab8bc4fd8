import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { toLocale } from '@/lib/locale';
import { MAX_ATTACHMENTS, MAX_DESCRIPTION_LENGTH } from '@/server/complaints';
import { listNoticeDistricts } from '@/server/notices';
import { ReportForm } from './report-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('complaints');
  return { title: t('new.anonymousTitle') };
}

/** Public: anyone may report illegal water or power use, signed in or not. */
export default async function ReportPage() {
  const [t, locale, districts] = await Promise.all([
    getTranslations('complaints'),
    getLocale().then(toLocale),
    listNoticeDistricts(),
  ]);
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle lead={t('new.anonymousLead')}>{t('new.anonymousTitle')}</PageTitle>
      <FormMessage tone="info">
        {t('new.signInForOthers')} <Link href="/complaints/new">{t('list.new')}</Link>
      </FormMessage>
      <ClientMessages namespaces={['complaints']}>
        <ReportForm
          maxLength={MAX_DESCRIPTION_LENGTH}
          maxFiles={MAX_ATTACHMENTS}
          districts={districts.map((d) => ({
            id: d.id,
            label: locale === 'en' ? d.name.en : d.name.zh,
          }))}
        />
      </ClientMessages>
    </div>
  );
}
