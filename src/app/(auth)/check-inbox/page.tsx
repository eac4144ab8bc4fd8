import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.checkInbox');
  return { title: t('metaTitle') };
}

/** Link lifetimes, as in the domain (auth-limits.ts). */
const MINUTES = { link: 15, reset: 30 } as const;

/** The one answer after register / sign-in link / forgotten password, whoever owns the address. */
export default async function CheckInboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reason } = await searchParams;
  const t = await getTranslations('auth.checkInbox');
  const body =
    reason === 'reset'
      ? t('reset', { minutes: MINUTES.reset })
      : reason === 'link'
        ? t('link', { minutes: MINUTES.link })
        : t('register');
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <FormMessage tone="info">{body}</FormMessage>
      <p className="text-muted mt-4 max-w-prose">{t('tips')}</p>
      <p className="mt-6">
        <Link href="/sign-in">{t('backToSignIn')}</Link>
      </p>
    </>
  );
}
