import { useLocale, useTranslations } from '@/i18n/server';
import { startPaymentAction } from '@/actions/payments/start-payment';
import { SubmitButton } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { formatFen } from '@/lib/money';
import { paymentMode } from '@/server/payments';

/**
 * The dashboard card's "pay the balance" button, when there is a balance and payments are on.
 * The amount on the button is for reading; the server recomputes what to charge when the form is
 * sent. Payment history is on the account's page (AccountServiceLink "payments").
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
  if (balanceFen <= 0 || paymentMode() === 'off') return null;
  return (
    <form action={startPaymentAction} className="mt-3">
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
  );
}
