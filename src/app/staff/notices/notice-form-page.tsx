import Link from '@/components/ui/link';
import { getLocale, getTranslations } from '@/i18n/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { PageTitle } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requirePermission } from '@/server/auth';
import { getStaffNotice, listNoticeDistricts } from '@/server/notices';
import { NoticeForm } from './notice-form';
import { noticeFormDefaults } from './notice-form-defaults';

/**
 * A saved notice in the form: a draft to edit (`edit`), or a published notice to revise
 * (`revise`). Any other notice, or an id that is not one, is "not found".
 */
export async function SavedNoticeFormPage({
  noticeId,
  mode,
}: {
  noticeId: string;
  mode: 'edit' | 'revise';
}) {
  const actor = await requirePermission('publish:notice:any');
  const notice = /^\d{1,9}$/.test(noticeId)
    ? await getStaffNotice({ actor, noticeId: Number(noticeId) })
    : null;
  if (!notice || notice.status !== (mode === 'edit' ? 'draft' : 'published')) pageNotFound();
  const [t, districts] = await Promise.all([getTranslations('notices'), noticeDistrictOptions()]);
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle lead={mode === 'edit' ? t('staff.lead') : t('staff.revise.lead')}>
        {mode === 'edit' ? t('staff.form.editTitle') : t('staff.revise.title')}
      </PageTitle>
      <ClientMessages namespaces={['notices']}>
        <NoticeForm
          mode={mode === 'edit' ? 'write' : 'revise'}
          defaults={noticeFormDefaults(notice)}
          districts={districts}
        />
      </ClientMessages>
      <p>
        <Link href={`/staff/notices/${notice.id}`}>{t('staff.form.cancel')}</Link>
      </p>
    </div>
  );
}

/** The city's districts as the form's checkboxes, named in the reader's language. */
export async function noticeDistrictOptions(): Promise<{ id: number; label: string }[]> {
  const [locale, districts] = await Promise.all([
    getLocale().then(toLocale),
    listNoticeDistricts(),
  ]);
  return districts.map((d) => ({ id: d.id, label: locale === 'en' ? d.name.en : d.name.zh }));
}
