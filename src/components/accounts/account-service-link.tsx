import Link from '@/components/ui/link';
import { useTranslations } from '@/i18n/server';

/**
 * Each service of an account: its page under /accounts/[id]/, and the message keys of its label
 * and of its accessible name ("… for account N"), each in its own capability's catalogue.
 */
const SERVICES = {
  bills: { path: 'bills', text: 'bills.dashboard.bills', label: 'bills.dashboard.billsFor' },
  usage: { path: 'usage', text: 'usage.link', label: 'usage.linkFor' },
  payments: {
    path: 'payments',
    text: 'payments.pay.history',
    label: 'payments.pay.historyFor',
  },
  reports: { path: 'reports', text: 'reports.list.link', label: 'reports.list.linkFor' },
  directDebit: {
    path: 'direct-debit',
    text: 'directDebit.cardLink',
    label: 'directDebit.cardLinkFor',
  },
} as const;

export type TAccountService = keyof typeof SERVICES;

/** In the account page's order: the monthly things first. */
export const ACCOUNT_SERVICES = Object.keys(SERVICES) as TAccountService[];

/** The link to one service of an account, for the dashboard card and the account page. */
export function AccountServiceLink({
  service,
  accountId,
  accountNumber,
}: {
  service: TAccountService;
  accountId: number;
  accountNumber: string;
}) {
  const t = useTranslations();
  const { path, text, label } = SERVICES[service];
  return (
    <Link
      href={`/accounts/${accountId}/${path}`}
      aria-label={t(label, { number: accountNumber })}
      className="btn-outline-sm"
    >
      {t(text)}
    </Link>
  );
}
