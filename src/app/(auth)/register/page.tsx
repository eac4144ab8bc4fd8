import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { getTranslations } from '@/i18n/server';
import { SIGNED_IN_LANDING } from '@/actions/auth/safe-next';
import { PageTitle } from '@/components/ui/form';
import { getActor } from '@/server/auth';
import { RegisterForm } from '../_components/register-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.register');
  return { title: t('metaTitle') };
}

export default async function RegisterPage() {
  if (await getActor()) redirect(SIGNED_IN_LANDING);
  const t = await getTranslations('auth.register');
  return (
    <>
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>
      <RegisterForm />
      <p className="mt-6">
        {t('haveAccount')} <Link href="/sign-in">{t('signIn')}</Link>
      </p>
    </>
  );
}
