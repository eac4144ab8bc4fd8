import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { PageTitle } from '@/components/ui/form';
import { BillSummary } from '@/components/bills/bill-summary';
import { BillExplanation } from '@/components/bills/bill-explanation';
import { billDate, parseId } from '@/components/bills/bill-dates';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { billPaymentState } from '@/server/bills';
import { getBillPage } from '@/server/page-reads';
import { PayPanel } from '@/components/payments/pay-panel';

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
  const { bill, payOptions } = await getBillPage({ actor, billId });
  if (!bill) pageNotFound();

  const t = await getTranslations('bills');
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const zh = locale === 'zh-CN';
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

      <BillSummary bill={bill} payment={payment} nothingToPayElsewhere={payOptions !== null}>
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
      </BillSummary>

      <BillExplanation bill={bill} />
    </div>
  );
}
