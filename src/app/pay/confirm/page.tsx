import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from '@/i18n/server';
import { startGuestPaymentAction } from '@/actions/payments/guest-pay';
import { GUEST_PAY_COOKIE } from '@/actions/payments/payment-forms.schema';
import { FormMessage, PageTitle, SubmitButton } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { formatFen } from '@/lib/money';
import { getGuestAmountDue, readGuestPayTicket } from '@/server/payments';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('guest.metaTitle') };
}

const NOTICES = ['in_progress', 'provider_error', 'nothing_to_pay', 'unavailable'] as const;

/** Step 2: only the amount due and a masked name, then pay. */
export default async function GuestPayConfirmPage({
  searchParams,
}: {
  searchParams: Promise<{ payment?: string }>;
}) {
  const accountId = readGuestPayTicket((await cookies()).get(GUEST_PAY_COOKIE)?.value);
  if (accountId === null) redirect('/pay?error=expired');
  const due = await getGuestAmountDue(accountId);
  if (!due) redirect('/pay?error=invalid');
  const t = await getTranslations('payments');
  const locale = toLocale(await getLocale());
  const requested = (await searchParams).payment;
  const notice = NOTICES.find((n) => n === requested);
  const amount = formatFen(due.amountDueFen, locale, due.currency);
  return (
    <div className="max-w-xl space-y-6">
      <PageTitle lead={t('guest.confirmLead')}>{t('guest.confirmTitle')}</PageTitle>
      {notice ? (
        <FormMessage tone={notice === 'nothing_to_pay' ? 'info' : 'error'}>
          {t(`guest.notice.${notice}`)}
        </FormMessage>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white p-5">
        <dt className="text-muted">{t('guest.holder')}</dt>
        <dd data-testid="masked-holder">{due.maskedHolder}</dd>
        <dt className="text-muted">{t('guest.account')}</dt>
        <dd>
          {t(`utility.${due.utility}`)} · {due.accountNumber}
        </dd>
        <dt className="text-muted">{t('guest.amountDue')}</dt>
        <dd className="text-2xl font-bold tabular-nums" data-testid="amount-due">
          {amount}
        </dd>
      </dl>
      {due.amountDueFen > 0 ? (
        <form action={startGuestPaymentAction}>
          <SubmitButton>{t('guest.pay', { amount })}</SubmitButton>
        </form>
      ) : (
        <FormMessage tone="success">{t('guest.nothingDue')}</FormMessage>
      )}
      <p>
        <Link href="/pay">{t('guest.another')}</Link>
      </p>
    </div>
  );
}
