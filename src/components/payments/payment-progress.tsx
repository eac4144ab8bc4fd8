import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { FormMessage } from '@/components/ui/form';
import type { TPaymentView } from '@/server/payments';

/** Seconds between opt-in automatic refreshes while a payment is being confirmed. */
export const WATCH_SECONDS = 5;

/**
 * What the return page says while we wait for the provider's word. It never changes the
 * payment: only the webhook (or reconciliation) does. Refresh is a link; `?watch=1` opts in to
 * a timed refresh (WCAG 2.2.1: no unasked-for refresh).
 */
export async function PaymentProgress({
  payment,
  path,
  watching,
  canceled,
}: {
  payment: TPaymentView;
  path: string;
  watching: boolean;
  canceled: boolean;
}) {
  const t = await getTranslations('payments');
  const waiting = payment.status === 'pending' || payment.status === 'processing';
  return (
    <div className="space-y-3">
      {waiting && watching ? <meta httpEquiv="refresh" content={String(WATCH_SECONDS)} /> : null}
      {payment.status === 'succeeded' ? (
        <FormMessage tone="success">{t('progress.succeeded')}</FormMessage>
      ) : payment.status === 'processing' ? (
        <FormMessage tone="info">{t('progress.processing')}</FormMessage>
      ) : payment.status === 'pending' && canceled ? (
        <FormMessage tone="info">{t('progress.canceled')}</FormMessage>
      ) : payment.status === 'pending' ? (
        <FormMessage tone="info">
          {payment.failureCode ? t('progress.lastTryFailed') : t('progress.pending')}
        </FormMessage>
      ) : payment.status === 'failed' ? (
        <FormMessage tone="error">{t('progress.failed')}</FormMessage>
      ) : payment.status === 'canceled' ? (
        <FormMessage tone="info">{t('progress.closed')}</FormMessage>
      ) : (
        <FormMessage tone="info">{t(`status.${payment.status}`)}</FormMessage>
      )}
      {waiting ? (
        <p className="flex flex-wrap gap-4">
          <Link href={path}>{t('progress.refresh')}</Link>
          {watching ? (
            <Link href={path}>{t('progress.stopWatching')}</Link>
          ) : (
            <Link href={`${path}?watch=1`}>{t('progress.watch', { seconds: WATCH_SECONDS })}</Link>
          )}
        </p>
      ) : null}
    </div>
  );
}
