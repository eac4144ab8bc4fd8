import Link from '@/components/ui/link';
import { useTranslations } from '@/i18n/server';

/** The link to an account's payment history, for the account page's services. */
export function AccountPaymentsLink({
  accountId,
  accountNumber,
}: {
  accountId: number;
  accountNumber: string;
}) {
  const t = useTranslations('payments');
  return (
    <Link
      href={`/accounts/${accountId}/payments`}
      aria-label={t('pay.historyFor', { number: accountNumber })}
      className="btn-outline-sm"
    >
      {t('pay.history')}
    </Link>
  );
}
