import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { requestRefundAction } from '@/actions/payments/staff-payments';
import { PaymentFacts } from '@/components/payments/payment-receipt';
import { Field, FormMessage, PageTitle, SubmitButton } from '@/components/ui/form';
import { env } from '@/env';
import { toLocale } from '@/lib/locale';
import { formatFen, yuanFromFen } from '@/lib/money';
import { pageNotFound } from '@/lib/page-not-found';
import { can, requirePermission } from '@/server/auth';
import { getStaffPayment } from '@/server/payments';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('staff.paymentTitle') };
}

const ERRORS = ['amount', 'reason', 'too_much', 'not_refundable', 'provider_error'] as const;
const DONE = ['awaiting_approval', 'submitted', 'succeeded', 'failed'] as const;

export default async function StaffPaymentPage({
  params,
  searchParams,
}: {
  params: Promise<{ paymentId: string }>;
  searchParams: Promise<{ error?: string; refund?: string }>;
}) {
  const actor = await requirePermission('view:payment:any');
  const { paymentId } = await params;
  const detail = await getStaffPayment({ actor, paymentId });
  if (!detail) pageNotFound();
  const { payment, attempts, events, refunds } = detail;
  const t = await getTranslations('payments');
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const query = await searchParams;
  const error = ERRORS.find((e) => e === query.error);
  const done = DONE.find((d) => d === query.refund);
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Shanghai' });
  const refundable =
    (payment.status === 'succeeded' || payment.status === 'partially_refunded') &&
    can(actor.role, 'refund:payment:any');
  const held = refunds
    .filter((r) => ['awaiting_approval', 'submitted', 'succeeded'].includes(r.status))
    .reduce((sum, r) => sum + r.amountFen, 0);
  const left = payment.amountFen - held;
  return (
    <div className="space-y-8">
      <p>
        <Link href="/staff/payments">← {t('staff.title')}</Link> ·{' '}
        <Link href={`/staff/accounts/${payment.account.id}`}>{t('staff.account')}</Link>
      </p>
      <PageTitle lead={payment.id}>{t('staff.paymentTitle')}</PageTitle>
      {done ? (
        <FormMessage tone={done === 'failed' ? 'error' : 'success'}>
          {t(`staff.refundDone.${done}`)}
        </FormMessage>
      ) : null}
      <PaymentFacts payment={payment} />

      <section aria-labelledby="attempts-heading" className="space-y-2">
        <h2 id="attempts-heading" className="text-xl font-semibold">
          {t('staff.attempts')}
        </h2>
        {attempts.length === 0 ? (
          <p>{t('staff.noAttempts')}</p>
        ) : (
          <ul className="space-y-1">
            {attempts.map((a, i) => (
              <li key={i}>
                {when(a.createdAt)} · {t(`staff.attemptOutcome.${a.outcome}`)}
                {a.methodType ? ` · ${a.methodType}` : ''}
                {(a.declineCode ?? a.failureCode) ? ` · ${a.declineCode ?? a.failureCode}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="events-heading" className="space-y-2">
        <h2 id="events-heading" className="text-xl font-semibold">
          {t('staff.events')}
        </h2>
        {events.length === 0 ? (
          <p>{t('staff.noEvents')}</p>
        ) : (
          <ul className="space-y-1">
            {events.map((e) => (
              <li key={e.id}>
                {when(e.receivedAt)} · {e.type} · {t(`staff.eventOutcome.${e.outcome}`)} ·{' '}
                {t(`staff.eventSource.${e.source}`)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="refunds-heading" className="space-y-4">
        <h2 id="refunds-heading" className="text-xl font-semibold">
          {t('staff.refunds')}
        </h2>
        {refunds.length > 0 ? (
          <ul className="space-y-2">
            {refunds.map((r) => (
              <li key={r.id}>
                <span className="tabular-nums">{formatFen(r.amountFen, locale, r.currency)}</span> —{' '}
                {t(`refundStatus.${r.status}`)} · {r.reason} ·{' '}
                {t('staff.requestedBy', { name: r.requestedBy, date: when(r.createdAt) })}
                {r.approvedBy ? ` · ${t('staff.approvedBy', { name: r.approvedBy })}` : ''}
                {r.rejectionNote ? ` · ${r.rejectionNote}` : ''}
                {r.failureReason ? ` · ${r.failureReason}` : ''}
              </li>
            ))}
          </ul>
        ) : null}
        {refundable && left > 0 ? (
          <form action={requestRefundAction} className="max-w-md space-y-4" noValidate>
            <input type="hidden" name="paymentId" value={payment.id} />
            {error === 'too_much' || error === 'not_refundable' || error === 'provider_error' ? (
              <FormMessage tone="error">{t(`staff.refundErrors.${error}`)}</FormMessage>
            ) : null}
            <Field
              id="amount"
              label={t('staff.refundAmount')}
              hint={t('staff.refundAmountHint', {
                max: yuanFromFen(left),
                threshold: formatFen(env.REFUND_APPROVAL_THRESHOLD_FEN, locale, payment.currency),
              })}
              inputMode="decimal"
              defaultValue={yuanFromFen(left)}
              required
              errors={error === 'amount' ? [t('staff.refundErrors.amount')] : undefined}
              focus={error === 'amount'}
            />
            <Field
              id="reason"
              label={t('staff.reason')}
              hint={t('staff.reasonHint')}
              maxLength={500}
              required
              errors={error === 'reason' ? [t('staff.refundErrors.reason')] : undefined}
              focus={error === 'reason'}
            />
            <SubmitButton>{t('staff.refund')}</SubmitButton>
          </form>
        ) : null}
      </section>
    </div>
  );
}
