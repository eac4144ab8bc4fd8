import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { toLocale } from '@/lib/locale';
import { formatFen } from '@/lib/money';
import type { TPaymentView } from '@/server/payments';
import { PaymentStatusText } from './payment-status-text';

/** A payment's facts as a receipt lists them (page and, in the same words, the PDF). */
export async function PaymentFacts({ payment }: { payment: TPaymentView }) {
  const t = await getTranslations('payments');
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const money = (fen: number) => formatFen(fen, locale, payment.currency);
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const month = (period: string) =>
    format.dateTime(new Date(`${period}T00:00:00+08:00`), {
      year: 'numeric',
      month: 'long',
      timeZone: 'Asia/Shanghai',
    });
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
      <dt className="text-muted">{t('receipt.status')}</dt>
      <dd>
        <PaymentStatusText status={payment.status} />
      </dd>
      <dt className="text-muted">{t('receipt.amount')}</dt>
      <dd className="text-xl font-bold tabular-nums" data-testid="payment-amount">
        {money(payment.amountFen)}
      </dd>
      <dt className="text-muted">{t('receipt.account')}</dt>
      <dd>
        {t(`utility.${payment.account.utility}`)} · {payment.account.accountNumber} ·{' '}
        {payment.account.maskedHolder}
      </dd>
      {payment.methodType ? (
        <>
          <dt className="text-muted">{t('receipt.method')}</dt>
          <dd>
            {t.has(`method.${payment.methodType}`)
              ? t(`method.${payment.methodType}`)
              : payment.methodType}
          </dd>
        </>
      ) : null}
      <dt className="text-muted">{t('receipt.started')}</dt>
      <dd>{when(payment.createdAt)}</dd>
      {payment.succeededAt ? (
        <>
          <dt className="text-muted">{t('receipt.paidAt')}</dt>
          <dd>{when(payment.succeededAt)}</dd>
        </>
      ) : null}
      <dt className="text-muted">{t('receipt.reference')}</dt>
      <dd>
        <code className="break-all">{payment.id}</code>
      </dd>
      {payment.allocations.length > 0 ? (
        <>
          <dt className="text-muted">{t('receipt.settled')}</dt>
          <dd>
            <ul>
              {payment.allocations.map((a) => (
                <li key={a.billId} className="tabular-nums">
                  {t('receipt.allocation', { month: month(a.period), amount: money(a.amountFen) })}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {payment.creditFen > 0 ? (
        <>
          <dt className="text-muted">{t('receipt.credit')}</dt>
          <dd className="tabular-nums">{money(payment.creditFen)}</dd>
        </>
      ) : null}
      {payment.refundedFen > 0 ? (
        <>
          <dt className="text-muted">{t('receipt.refunded')}</dt>
          <dd className="tabular-nums">{money(payment.refundedFen)}</dd>
        </>
      ) : null}
    </dl>
  );
}
