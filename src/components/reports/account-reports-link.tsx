import Link from 'next/link';
import { useTranslations } from '@/i18n/server';

/** The link to an account's annual reports, for account cards and account pages. */
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
      className="inline-flex min-h-11 items-center px-2 font-semibold"
    >
      {t('list.link')}
    </Link>
  );
}
