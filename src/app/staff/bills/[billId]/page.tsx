import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { BalanceSummary } from '@/components/bills/balance-summary';
import { BillExplanation } from '@/components/bills/bill-explanation';
import { billDate, parseId } from '@/components/bills/bill-dates';
import { formatFen } from '@/lib/money';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requirePermission } from '@/server/auth';
import { getBillForStaff } from '@/server/bills';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('bills');
  return { title: t('detail.metaTitle') };
}

/** A bill as an agent explains it to the resident on the phone: the resident's page, unpaid. */
export default async function StaffBillPage({ params }: { params: Promise<{ billId: string }> }) {
  const actor = await requirePermission('view:account:any');
  const billId = parseId((await params).billId);
  if (billId === null) pageNotFound();
  // Writes the 'staff.bill_viewed' audit row.
  const bill = await getBillForStaff({ actor, billId });
  if (!bill) pageNotFound();

  const t = await getTranslations('bills');
  const ts = await getTranslations('staff');
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const long = (date: string) => format.dateTime(billDate(date), { dateStyle: 'long' });
  const period = format.dateTime(billDate(bill.period), { year: 'numeric', month: 'long' });

  return (
    <div className="space-y-8">
      <p>
        <Link href={`/staff/accounts/${bill.account.id}`}>← {ts('bill.back')}</Link>
      </p>
      <PageTitle
        lead={`${t('detail.accountNumber')} ${bill.account.accountNumber} · ${bill.account.holderName} · ${
          locale === 'zh-CN' ? bill.account.address.zh : bill.account.address.en
        }`}
      >
        {t('detail.title', { utility: t(`utility.${bill.utility}`), period })}
      </PageTitle>
      <FormMessage tone="info">{ts('bill.auditNotice')}</FormMessage>

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
            {formatFen(bill.totalFen, locale, bill.currency)}
          </p>
          <p className="mt-1">
            {bill.dueOn
              ? t.rich('detail.dueOnValue', {
                  date: long(bill.dueOn),
                  strong: (chunks) => <strong>{chunks}</strong>,
                })
              : t('detail.nothingToPay')}
          </p>
          <p className="text-muted">{t('detail.issuedOnValue', { date: long(bill.issuedOn) })}</p>
        </div>
        <BalanceSummary
          balanceFen={bill.balanceFen}
          currency={bill.currency}
          label={t('detail.balance')}
          hint={t('detail.balanceHint')}
        />
      </section>

      <BillExplanation bill={bill} />
    </div>
  );
}
