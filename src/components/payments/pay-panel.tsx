import Link from '@/components/ui/link';
import { useLocale, useTranslations } from '@/i18n/server';
import { startPaymentAction } from '@/actions/payments/start-payment';
import { FormMessage, SecondaryButton, SubmitButton } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { formatFen } from '@/lib/money';
import type { TPayOptions } from '@/server/payments';

const NOTICES = ['nothing_to_pay', 'provider_error', 'unavailable'] as const;

/**
 * The pay buttons for one account (and, on a bill page, for that bill). Each is a plain form:
 * it names what to pay, never an amount — the server works the amount out.
 */
export function PayPanel({
  options,
  billId,
  billTotalFen,
  returnTo,
  notice,
  compact = false,
  historyLink = true,
}: {
  options: TPayOptions;
  billId?: number;
  /** The bill's total: one of zero or less (a waiver covered it all) asked nothing to pay. */
  billTotalFen?: number;
  returnTo: string;
  /** `?payment=` from a failed attempt, shown once. */
  notice?: string;
  compact?: boolean;
  /** Off on the history page itself. */
  historyLink?: boolean;
}) {
  const t = useTranslations('payments');
  const locale = toLocale(useLocale());
  const money = (fen: number) => formatFen(fen, locale, options.currency);
  const shownNotice = NOTICES.find((n) => n === notice);
  const billDue = options.billDueFen;
  const showBalance =
    options.balanceDueFen > 0 && (billDue === null || billDue !== options.balanceDueFen);

  if (!options.available) {
    return <FormMessage tone="info">{t('pay.unavailable')}</FormMessage>;
  }
  return (
    <div className="space-y-3">
      {shownNotice ? (
        <FormMessage tone={shownNotice === 'nothing_to_pay' ? 'info' : 'error'}>
          {t(`pay.notice.${shownNotice}`)}
        </FormMessage>
      ) : null}
      {options.directDebitInFlightFen > 0 && (billDue ?? options.balanceDueFen) > 0 ? (
        <FormMessage tone="info">
          {t('pay.directDebitInFlight', { amount: money(options.directDebitInFlightFen) })}
        </FormMessage>
      ) : null}
      {options.openPayment?.status === 'processing' ? (
        <FormMessage tone="info">
          {t('pay.processing')}{' '}
          <Link href={`/payments/${options.openPayment.id}`}>{t('pay.seePayment')}</Link>
        </FormMessage>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          {billId !== undefined && billDue !== null ? (
            billDue > 0 ? (
              <form action={startPaymentAction}>
                <input type="hidden" name="accountId" value={options.accountId} />
                <input type="hidden" name="scope" value="bill" />
                <input type="hidden" name="billId" value={billId} />
                <input type="hidden" name="returnTo" value={returnTo} />
                <SubmitButton>{t('pay.bill', { amount: money(billDue) })}</SubmitButton>
              </form>
            ) : billTotalFen !== undefined && billTotalFen <= 0 ? (
              <p className="font-semibold" data-testid="bill-nothing-to-pay">
                {t('pay.billNothingToPay')}
              </p>
            ) : (
              <p className="text-success font-semibold" data-testid="bill-paid">
                ✓ {t('pay.billPaid')}
              </p>
            )
          ) : null}
          {showBalance ? (
            <form action={startPaymentAction}>
              <input type="hidden" name="accountId" value={options.accountId} />
              <input type="hidden" name="scope" value="balance" />
              <input type="hidden" name="billId" value="" />
              <input type="hidden" name="returnTo" value={returnTo} />
              {billId === undefined ? (
                <SubmitButton>
                  {t('pay.balance', { amount: money(options.balanceDueFen) })}
                </SubmitButton>
              ) : (
                <SecondaryButton>
                  {t('pay.balance', { amount: money(options.balanceDueFen) })}
                </SecondaryButton>
              )}
            </form>
          ) : null}
          {historyLink ? (
            <Link
              href={`/accounts/${options.accountId}/payments`}
              className={compact ? 'text-sm' : undefined}
            >
              {t('pay.history')}
            </Link>
          ) : null}
        </div>
      )}
      {billId !== undefined && options.includesOlderBills && billDue ? (
        <p className="text-muted text-sm">{t('pay.includesOlder')}</p>
      ) : null}
      {options.openPayment?.status === 'pending' && !compact ? (
        <p className="text-muted text-sm">{t('pay.resume')}</p>
      ) : null}
    </div>
  );
}
