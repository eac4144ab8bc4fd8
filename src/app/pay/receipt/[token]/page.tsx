import type { Metadata } from 'next';
import { getTranslations } from '@/i18n/server';
import { PaymentProgress } from '@/components/payments/payment-progress';
import { PaymentFacts } from '@/components/payments/payment-receipt';
import { PageTitle } from '@/components/ui/form';
import { pageNotFound } from '@/lib/page-not-found';
import { getPaymentByReceiptToken } from '@/server/payments';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('page.metaTitle') };
}

/** A guest payment's page and receipt, reachable only by its unguessable link. */
export default async function GuestReceiptPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ watch?: string; canceled?: string }>;
}) {
  const { token } = await params;
  const payment = await getPaymentByReceiptToken(token);
  if (!payment) pageNotFound();
  const t = await getTranslations('payments');
  const query = await searchParams;
  const paid = ['succeeded', 'partially_refunded', 'refunded'].includes(payment.status);
  const path = `/pay/receipt/${token}`;
  return (
    <div className="max-w-2xl space-y-6">
      <PageTitle lead={t('guest.receiptLead')}>
        {paid ? t('page.titlePaid') : t('page.title')}
      </PageTitle>
      <PaymentProgress
        payment={payment}
        path={path}
        watching={query.watch === '1'}
        canceled={query.canceled === '1'}
      />
      <PaymentFacts payment={payment} />
      {paid ? (
        <p>
          <a href={`${path}/pdf`} className="btn-outline">
            {t('page.pdf')}
          </a>
        </p>
      ) : null}
      <p className="text-muted text-sm">{t('guest.keepLink')}</p>
    </div>
  );
}
