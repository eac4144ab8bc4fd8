import Link from '@/components/ui/link';
import { useTranslations } from '@/i18n/server';

/** The link to an account's annual reports, for the account page's services. */
export function AccountReportsLink({
  accountId,
  accountNumber,
}: {
  accountId: number;
  accountNumber: string;
}) {
  const t = useTranslations('reports');
  return (
    <Link
      href={`/accounts/${accountId}/reports`}
      aria-label={t('list.linkFor', { number: accountNumber })}
      className="btn-outline-sm"
    >
      {t('list.link')}
    </Link>
  );
}
