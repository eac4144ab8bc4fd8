import Link from '@/components/ui/link';
import { useLocale, useTranslations } from '@/i18n/server';
import { startPaymentAction } from '@/actions/payments/start-payment';
import { SubmitButton } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { formatFen } from '@/lib/money';
import { paymentMode } from '@/server/payments';

/**
 * The dashboard card's "pay the balance" button and history link. The amount on the button is
 * for reading; the server recomputes what to charge when the form is sent.
 */
export function PayBalanceButton({
  accountId,
  accountNumber,
  balanceFen,
  currency,
}: {
  accountId: number;
  accountNumber: string;
  balanceFen: number;
  currency: string;
}) {
  const t = useTranslations('payments');
  const locale = toLocale(useLocale());
  const available = paymentMode() !== 'off';
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3">
      {balanceFen > 0 && available ? (
        <form action={startPaymentAction}>
          <input type="hidden" name="accountId" value={accountId} />
          <input type="hidden" name="scope" value="balance" />
          <input type="hidden" name="billId" value="" />
          <input type="hidden" name="returnTo" value="/dashboard" />
          <SubmitButton
            aria-label={t('pay.balanceFor', {
              number: accountNumber,
              amount: formatFen(balanceFen, locale, currency),
            })}
          >
            {t('pay.balance', { amount: formatFen(balanceFen, locale, currency) })}
          </SubmitButton>
        </form>
      ) : null}
      <Link
        href={`/accounts/${accountId}/payments`}
        aria-label={t('pay.historyFor', { number: accountNumber })}
      >
        {t('pay.history')}
      </Link>
    </div>
  );
}
