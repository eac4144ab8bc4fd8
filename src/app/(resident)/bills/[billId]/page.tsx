import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { BalanceSummary } from '@/components/bills/balance-summary';
import { BillComparison } from '@/components/bills/bill-comparison';
import { BillLinesTable } from '@/components/bills/bill-lines-table';
import { EstimatedBadge } from '@/components/bills/estimated-badge';
import { billDate, parseId, periodEnd } from '@/components/bills/bill-dates';
import { formatFen } from '@/lib/money';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import {
  billPaymentState,
  compareBills,
  daysInPeriod,
  formatQuantity,
  getBill,
} from '@/server/bills';
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
  const unit = t(`unit.${bill.utility}`);
  const period = format.dateTime(billDate(bill.period), { year: 'numeric', month: 'long' });
  const comparison = bill.previous ? compareBills(bill, bill.previous) : null;
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

      {bill.estimated ? <FormMessage tone="info">{t('detail.estimated')}</FormMessage> : null}

      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading" className="sr-only">
          {t('detail.period')}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="text-muted">{t('detail.period')}</dt>
          <dd>
            {t('detail.periodRange', {
              from: long(bill.period),
              to: long(periodEnd(bill.period)),
              days: daysInPeriod(bill.period),
            })}
          </dd>
          {bill.readingFrom !== null && bill.readingTo !== null ? (
            <>
              <dt className="text-muted">{t('detail.readings')}</dt>
              <dd className="tabular-nums">
                {t('detail.readingsRange', {
                  from: formatQuantity(bill.readingFrom, locale),
                  to: formatQuantity(bill.readingTo, locale),
                })}
              </dd>
            </>
          ) : null}
          <dt className="text-muted">{t('detail.usage')}</dt>
          <dd className="tabular-nums">
            {formatQuantity(bill.usage, locale)} {unit}
            {bill.estimated ? <EstimatedBadge>{t('detail.estimatedBadge')}</EstimatedBadge> : null}
          </dd>
          <dt className="text-muted">{t('detail.householdSize')}</dt>
          <dd>{t('detail.people', { count: bill.account.householdSize })}</dd>
          {bill.tariff ? (
            <>
              <dt className="text-muted">{t('detail.tariff')}</dt>
              <dd>
                {zh ? bill.tariff.name.zh : bill.tariff.name.en}
                <span className="text-muted">
                  {zh ? '，' : '; '}
                  {t(`detail.tierPeriod.${bill.tariff.tierPeriod}`)}
                </span>
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="lines-heading" className="space-y-3">
        <h2 id="lines-heading" className="text-xl font-semibold">
          {t('detail.lines')}
        </h2>
        <BillLinesTable bill={bill} />
        {bill.tiersCrossed.map((tier) => (
          <p key={tier} className="border-brand-600 bg-brand-50 rounded-md border-l-4 px-3 py-2">
            {t('detail.tiersCrossed', { tierName: t('tierName', { tier }) })}
          </p>
        ))}
        <p className="text-muted text-sm">{t('detail.rounding')}</p>
      </section>

      <BillComparison comparison={comparison} utility={bill.utility} currency={bill.currency} />
    </div>
  );
}
