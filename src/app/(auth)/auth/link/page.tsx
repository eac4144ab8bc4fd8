import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { continueSignInLinkAction } from '@/actions/auth/continue-sign-in-link';
import { safeNext } from '@/actions/auth/safe-next';
import { FormMessage, PageTitle, SubmitButton } from '@/components/ui/form';
import { checkEmailToken } from '@/server/auth';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.link');
  return { title: t('metaTitle'), robots: { index: false } };
}

/**
 * Where a mailed sign-in link lands. Looking at the page never uses the token up (mail
 * scanners open links); the button's POST does.
 */
export default async function SignInLinkPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token.slice(0, 200) : '';
  const next = safeNext(params.next);
  const usable =
    params.status !== 'invalid' && (await checkEmailToken({ token, purpose: 'sign_in' }));
  const t = await getTranslations('auth.link');
  if (!usable) {
    return (
      <>
        <PageTitle>{t('invalidTitle')}</PageTitle>
        <FormMessage tone="error">{t('invalidBody')}</FormMessage>
        <p className="mt-6">
          <Link href="/sign-in/email">{t('requestNew')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageTitle lead={t('lead')}>{t('title')}</PageTitle>
      <form action={continueSignInLinkAction}>
        <input type="hidden" name="token" value={token} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <SubmitButton>{t('continue')}</SubmitButton>
      </form>
    </>
  );
}
