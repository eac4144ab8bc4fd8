import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { toLocale } from '@/lib/locale';
import { formatFen } from '@/lib/money';
import type { TStaffPaymentRow } from '@/server/payments';
import { PaymentStatusText } from './payment-status-text';

/** Payments as staff list them (all accounts, or one account's). */
export async function StaffPaymentsTable({
  rows,
  caption,
  showAccount = true,
}: {
  rows: TStaffPaymentRow[];
  caption: string;
  showAccount?: boolean;
}) {
  const t = await getTranslations('payments');
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  if (rows.length === 0) return <p>{t('staff.noPayments')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4">
              {t('history.date')}
            </th>
            {showAccount ? (
              <th scope="col" className="py-2 pr-4">
                {t('receipt.account')}
              </th>
            ) : null}
            <th scope="col" className="py-2 pr-4">
              {t('history.amount')}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t('staff.payer')}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t('history.method')}
            </th>
            <th scope="col" className="py-2">
              {t('history.status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} className="border-b border-slate-200">
              <td className="py-2 pr-4">
                <Link href={`/staff/payments/${p.id}`}>
                  {format.dateTime(p.createdAt, {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                    timeZone: 'Asia/Shanghai',
                  })}
                </Link>
              </td>
              {showAccount ? (
                <td className="py-2 pr-4 tabular-nums">
                  <Link href={`/staff/accounts/${p.accountId}`}>{p.accountNumber}</Link>
                </td>
              ) : null}
              <td className="py-2 pr-4 tabular-nums">
                {formatFen(p.amountFen, locale, p.currency)}
                {p.refundedFen > 0 ? (
                  <span className="text-muted block text-sm">
                    {t('staff.refundedAmount', {
                      amount: formatFen(p.refundedFen, locale, p.currency),
                    })}
                  </span>
                ) : null}
              </td>
              <td className="py-2 pr-4">{t(`staff.payerKind.${p.payer}`)}</td>
              <td className="py-2 pr-4">
                {p.methodType && t.has(`method.${p.methodType}`)
                  ? t(`method.${p.methodType}`)
                  : '—'}
              </td>
              <td className="py-2">
                <PaymentStatusText status={p.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
