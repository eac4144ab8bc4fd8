import Link from '@/components/ui/link';
import { useTranslations } from '@/i18n/server';

/** The link to an account's direct-debit page, for the account page's services. */
export function AccountDirectDebitLink({
  accountId,
  accountNumber,
}: {
  accountId: number;
  accountNumber: string;
}) {
  const t = useTranslations('directDebit');
  return (
    <Link
      href={`/accounts/${accountId}/direct-debit`}
      aria-label={t('cardLinkFor', { number: accountNumber })}
      className="btn-outline-sm"
    >
      {t('cardLink')}
    </Link>
  );
}
