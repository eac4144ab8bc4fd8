import type { Metadata } from 'next';
import { getTranslations } from '@/i18n/server';
import { SavedNoticeFormPage } from '../../notice-form-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notices');
  return { title: t('staff.revise.title') };
}

/**
 * Revising a published notice that has not ended: new times, texts or targets, with a reason.
 * Residents already told hear of the change (ADR 015).
 */
export default async function ReviseNoticePage({
  params,
}: {
  params: Promise<{ noticeId: string }>;
}) {
  const { noticeId } = await params;
  return <SavedNoticeFormPage noticeId={noticeId} mode="revise" />;
}
