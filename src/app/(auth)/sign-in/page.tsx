import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { redirect } from 'next/navigation';
import { getTranslations } from '@/i18n/server';
import { safeNext, SIGNED_IN_LANDING } from '@/actions/auth/safe-next';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { getActor } from '@/server/auth';
import { SignInForm } from '../_components/sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.signIn');
  return { title: t('metaTitle') };
}

const NOTICES = { 'password-reset': 'passwordReset', 'signed-out': 'signedOut' } as const;

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNext(params.next);
  if (await getActor()) redirect(next ?? SIGNED_IN_LANDING);
  const t = await getTranslations('auth.signIn');
  const noticeParam = typeof params.notice === 'string' ? params.notice : '';
  const notice = noticeParam in NOTICES ? NOTICES[noticeParam as keyof typeof NOTICES] : null;
  const emailLinkHref = next ? `/sign-in/email?next=${encodeURIComponent(next)}` : '/sign-in/email';
  return (
    <>
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>
      {notice ? (
        <div className="mb-5">
          <FormMessage tone="success">{t(`notice.${notice}`)}</FormMessage>
        </div>
      ) : null}
      <SignInForm next={next} />
      <section
        aria-labelledby="other-ways"
        className="mt-8 space-y-3 border-t border-slate-200 pt-6"
      >
        <h2 id="other-ways" className="text-lg font-semibold">
          {t('other')}
        </h2>
        <ul className="space-y-3">
          <li>
            <Link href={emailLinkHref}>{t('emailLink')}</Link>
          </li>
          <li>
            <Link href="/forgot-password">{t('forgotPassword')}</Link>
          </li>
          <li>
            {t('noAccount')} <Link href="/register">{t('register')}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
