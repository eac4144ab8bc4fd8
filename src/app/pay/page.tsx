import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { verifyGuestPayerAction } from '@/actions/payments/guest-pay';
import { Field, FormMessage, PageTitle, SubmitButton } from '@/components/ui/form';
import { paymentMode } from '@/server/payments';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('guest.metaTitle') };
}

const ERRORS = ['accountNumber', 'verificationCode', 'invalid', 'throttled', 'expired'] as const;

/** Pay an account's balance without signing in (a son paying for his mother). */
export default async function GuestPayPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; minutes?: string }>;
}) {
  const t = await getTranslations('payments');
  const query = await searchParams;
  const error = ERRORS.find((e) => e === query.error);
  const minutes = Math.max(1, Number(query.minutes) || 1);
  if (paymentMode() === 'off') {
    return (
      <div className="max-w-xl space-y-6">
        <PageTitle>{t('guest.title')}</PageTitle>
        <FormMessage tone="info">{t('pay.unavailable')}</FormMessage>
      </div>
    );
  }
  return (
    <div className="max-w-xl space-y-6">
      <PageTitle lead={t('guest.lead')}>{t('guest.title')}</PageTitle>
      {error === 'invalid' || error === 'throttled' || error === 'expired' ? (
        <FormMessage tone="error">{t(`guest.errors.${error}`, { minutes })}</FormMessage>
      ) : null}
      <form action={verifyGuestPayerAction} className="space-y-5" noValidate>
        <Field
          id="accountNumber"
          label={t('guest.accountNumber')}
          hint={t('guest.accountNumberHint')}
          inputMode="numeric"
          autoComplete="off"
          required
          errors={error === 'accountNumber' ? [t('guest.errors.accountNumber')] : undefined}
          focus={error === 'accountNumber'}
        />
        <Field
          id="verificationCode"
          label={t('guest.verificationCode')}
          hint={t('guest.verificationCodeHint')}
          inputMode="numeric"
          autoComplete="off"
          required
          errors={error === 'verificationCode' ? [t('guest.errors.verificationCode')] : undefined}
          focus={error === 'verificationCode'}
        />
        <SubmitButton>{t('guest.continue')}</SubmitButton>
      </form>
      <p className="text-muted text-sm">
        {t('guest.privacy')} <Link href="/sign-in">{t('guest.signIn')}</Link>
      </p>
    </div>
  );
}
