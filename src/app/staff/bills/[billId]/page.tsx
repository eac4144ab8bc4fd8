import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { BillSummary } from '@/components/bills/bill-summary';
import { BillExplanation } from '@/components/bills/bill-explanation';
import { BillPaymentStatus } from '@/components/bills/bill-payment-status';
import { billDate, parseId } from '@/components/bills/bill-dates';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requirePermission } from '@/server/auth';
import { getBillForStaff } from '@/server/bills';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('bills');
  return { title: t('detail.metaTitle') };
}

/**
 * A bill as an agent explains it to the resident on the phone: the resident's page without the
 * pay panel, and where the bill stands (paid, owed, overdue).
 */
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

      <BillSummary bill={bill}>
        <p className="sm:col-span-2" data-testid="bill-payment-status">
          <span className="text-muted">{t('detail.paymentStatus')}</span>{' '}
          <BillPaymentStatus payment={bill.payment} dueOn={bill.dueOn} currency={bill.currency} />
        </p>
      </BillSummary>

      <BillExplanation bill={bill} />
    </div>
  );
}
