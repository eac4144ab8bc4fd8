import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { requestPasswordResetAction } from '@/actions/auth/request-password-reset';
import { PageTitle } from '@/components/ui/form';
import { EmailRequestForm } from '../_components/email-request-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.forgot');
  return { title: t('metaTitle') };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('auth.forgot');
  return (
    <>
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>
      <EmailRequestForm action={requestPasswordResetAction} submitLabel={t('submit')} />
      <p className="mt-6">
        <Link href="/sign-in">{t('back')}</Link>
      </p>
    </>
  );
}
