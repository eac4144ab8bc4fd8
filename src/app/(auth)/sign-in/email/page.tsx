import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { safeNext } from '@/actions/auth/safe-next';
import { sendSignInLinkAction } from '@/actions/auth/send-sign-in-link';
import { PageTitle } from '@/components/ui/form';
import { EmailRequestForm } from '../../_components/email-request-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.emailLink');
  return { title: t('metaTitle') };
}

/** Matches SIGN_IN_LINK_MINUTES in the domain. */
const LINK_MINUTES = 15;

export default async function EmailLinkPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeNext((await searchParams).next);
  const t = await getTranslations('auth.emailLink');
  return (
    <>
      <PageTitle lead={t('lead', { minutes: LINK_MINUTES })}>{t('title')}</PageTitle>
      <EmailRequestForm action={sendSignInLinkAction} submitLabel={t('submit')} next={next} />
      <p className="mt-6">
        <Link href="/sign-in">{t('back')}</Link>
      </p>
    </>
  );
}
