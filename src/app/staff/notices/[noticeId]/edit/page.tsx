import type { Metadata } from 'next';
import { getTranslations } from '@/i18n/server';
import { SavedNoticeFormPage } from '../../notice-form-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notices');
  return { title: t('staff.form.editTitle') };
}

/** Only a draft is edited here; a published notice is revised (…/revise) or cancelled. */
export default async function EditNoticePage({
  params,
}: {
  params: Promise<{ noticeId: string }>;
}) {
  const { noticeId } = await params;
  return <SavedNoticeFormPage noticeId={noticeId} mode="edit" />;
}
