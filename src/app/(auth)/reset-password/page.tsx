import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { checkEmailToken } from '@/server/auth';
import { ResetPasswordForm } from '../_components/reset-password-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.reset');
  return { title: t('metaTitle'), robots: { index: false } };
}

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token.slice(0, 200) : '';
  const usable =
    params.status !== 'invalid' && (await checkEmailToken({ token, purpose: 'password_reset' }));
  const t = await getTranslations('auth.reset');
  if (!usable) {
    return (
      <>
        <PageTitle>{t('invalidTitle')}</PageTitle>
        <FormMessage tone="error">{t('invalidBody', { minutes: 30 })}</FormMessage>
        <p className="mt-6">
          <Link href="/forgot-password">{t('requestNew')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>
      <ResetPasswordForm token={token} />
    </>
  );
}
