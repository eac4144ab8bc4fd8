import Link from '@/components/ui/link';
import { useTranslations } from '@/i18n/server';

/** The link to an account's usage page, for the dashboard card footer and the account page. */
export function AccountUsageLink({
  accountId,
  accountNumber,
}: {
  accountId: number;
  accountNumber: string;
}) {
  const t = useTranslations('usage');
  return (
    <Link
      href={`/accounts/${accountId}/usage`}
      aria-label={t('linkFor', { number: accountNumber })}
      className="btn-outline-sm"
    >
      {t('link')}
    </Link>
  );
}
