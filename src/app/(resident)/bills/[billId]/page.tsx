import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { PageTitle } from '@/components/ui/form';
import { BalanceSummary } from '@/components/bills/balance-summary';
import { BillExplanation } from '@/components/bills/bill-explanation';
import { billDate, parseId } from '@/components/bills/bill-dates';
import { formatFen } from '@/lib/money';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { billPaymentState, getBill } from '@/server/bills';
import { PayPanel } from '@/components/payments/pay-panel';
import { getPayOptions } from '@/server/payments';

type TProps = {
  params: Promise<{ billId: string }>;
  searchParams: Promise<{ payment?: string }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('bills');
  return { title: t('detail.metaTitle') };
}

export default async function BillPage({ params, searchParams }: TProps) {
  const actor = await requireUser();
  const billId = parseId((await params).billId);
  if (billId === null) pageNotFound();
  const bill = await getBill({ actor, billId });
  if (!bill) pageNotFound();
  const payOptions = await getPayOptions({ actor, accountId: bill.account.id, billId: bill.id });

  const t = await getTranslations('bills');
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const zh = locale === 'zh-CN';
  const long = (date: string) => format.dateTime(billDate(date), { dateStyle: 'long' });
  const money = (fen: number) => formatFen(fen, locale, bill.currency);
  const period = format.dateTime(billDate(bill.period), { year: 'numeric', month: 'long' });
  const payment = billPaymentState(bill, payOptions?.billOpenFen ?? 0);

  return (
    <div className="space-y-8">
      <p>
        <Link href={`/accounts/${bill.account.id}/bills`}>← {t('detail.back')}</Link>
      </p>
      <PageTitle
        lead={`${t('detail.accountNumber')} ${bill.account.accountNumber} · ${
          zh ? bill.account.address.zh : bill.account.address.en
        }`}
      >
        {t('detail.title', { utility: t(`utility.${bill.utility}`), period })}
      </PageTitle>

      <section
        aria-labelledby="summary-heading"
        className="grid gap-6 rounded-xl border border-slate-200 bg-white p-5 sm:grid-cols-2"
      >
        <h2 id="summary-heading" className="sr-only">
          {t('detail.summary')}
        </h2>
        <div>
          <p className="text-muted">{t('detail.total')}</p>
          <p className="text-3xl font-bold tabular-nums" data-testid="bill-total">
            {money(bill.totalFen)}
          </p>
          {bill.dueOn ? (
            <p className="mt-1">
              {t.rich('detail.dueOnValue', {
                date: long(bill.dueOn),
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
              {payment.kind === 'owed' && payment.overdue ? (
                <span className="text-danger block font-semibold" data-testid="bill-overdue">
                  {t('detail.overdue', { amount: money(payment.openFen) })}
                </span>
              ) : null}
            </p>
          ) : payOptions ? null : (
            // Nothing to pay: no due date (the pay panel says so when it is shown).
            <p className="mt-1 font-semibold">{t('detail.nothingToPay')}</p>
          )}
          <p className="text-muted">{t('detail.issuedOnValue', { date: long(bill.issuedOn) })}</p>
        </div>
        <BalanceSummary
          balanceFen={bill.balanceFen}
          currency={bill.currency}
          label={t('detail.balance')}
          hint={t('detail.balanceHint')}
        />
        {payOptions ? (
          <div className="sm:col-span-2">
            <PayPanel
              options={payOptions}
              billId={bill.id}
              billTotalFen={bill.totalFen}
              returnTo={`/bills/${bill.id}`}
              notice={(await searchParams).payment}
            />
          </div>
        ) : null}
        <p className="sm:col-span-2">
          <a href={`/bills/${bill.id}/pdf`} className="btn-outline">
            {t('detail.pdf')}
          </a>
          <span className="text-muted ml-3 text-sm">{t('detail.pdfHint')}</span>
        </p>
      </section>

      <BillExplanation bill={bill} />
    </div>
  );
}
