import { useLocale, useTranslations } from '@/i18n/server';
import { formatFen } from '@/lib/money';
import { toLocale } from '@/lib/locale';

/**
 * What the account owes now (Σ ledger). A negative balance is money in credit, said in words
 * rather than as a minus sign.
 */
export function BalanceSummary({
  balanceFen,
  currency,
  label,
  hint,
}: {
  balanceFen: number;
  currency: string;
  label: string;
  hint?: string;
}) {
  const t = useTranslations('bills');
  const locale = toLocale(useLocale());
  return (
    <div>
      <p className="text-muted">{label}</p>
      <p className="text-3xl font-bold tabular-nums">
        {formatFen(Math.max(balanceFen, 0), locale, currency)}
      </p>
      {balanceFen < 0 ? (
        <p className="mt-1">
          {t('list.balanceCredit', { amount: formatFen(-balanceFen, locale, currency) })}
        </p>
      ) : balanceFen === 0 ? (
        <p className="mt-1">{t('list.balanceSettled')}</p>
      ) : null}
      {hint ? <p className="text-muted mt-1 text-sm">{hint}</p> : null}
    </div>
  );
}
