import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from '@/i18n/server';
import { toShanghaiDateTimeValue } from '@/actions/notices/save-notice.schema';
import { ClientMessages } from '@/components/i18n/client-messages';
import { PageTitle } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requirePermission } from '@/server/auth';
import { getStaffNotice, listNoticeDistricts } from '@/server/notices';
import { NoticeForm } from '../../notice-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notices');
  return { title: t('staff.form.editTitle') };
}

/** Only a draft is edited; a published notice is withdrawn and a new one published instead. */
export default async function EditNoticePage({
  params,
}: {
  params: Promise<{ noticeId: string }>;
}) {
  const actor = await requirePermission('publish:notice:any');
  const { noticeId } = await params;
  const notice = /^\d{1,9}$/.test(noticeId)
    ? await getStaffNotice({ actor, noticeId: Number(noticeId) })
    : null;
  if (!notice || notice.status !== 'draft') pageNotFound();
  const [t, locale, districts] = await Promise.all([
    getTranslations('notices'),
    getLocale().then(toLocale),
    listNoticeDistricts(),
  ]);
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle lead={t('staff.lead')}>{t('staff.form.editTitle')}</PageTitle>
      <ClientMessages namespaces={['notices']}>
        <NoticeForm
          defaults={{
            noticeId: String(notice.id),
            kind: notice.kind,
            utility: notice.utility,
            titleZh: notice.titleZh,
            titleEn: notice.titleEn ?? '',
            bodyZh: notice.bodyZh,
            bodyEn: notice.bodyEn ?? '',
            startsAt: toShanghaiDateTimeValue(notice.startsAt),
            endsAt: toShanghaiDateTimeValue(notice.endsAt),
            emergency: notice.emergency ? 'on' : '',
            emergencyReason: notice.emergencyReason ?? '',
            districtIds: notice.districtIds.join(','),
            accountNumbers: notice.accountNumbers.join('\n'),
          }}
          districts={districts.map((d) => ({
            id: d.id,
            label: locale === 'en' ? d.name.en : d.name.zh,
          }))}
        />
      </ClientMessages>
      <p>
        <Link href={`/staff/notices/${notice.id}`}>{t('staff.form.cancel')}</Link>
      </p>
    </div>
  );
}
