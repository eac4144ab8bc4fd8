import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { PaymentProgress } from '@/components/payments/payment-progress';
import { PaymentFacts } from '@/components/payments/payment-receipt';
import { PageTitle } from '@/components/ui/form';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { getPayment } from '@/server/payments';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('page.metaTitle') };
}

/** Where Checkout sends the payer back; it shows the payment as the provider last told us. */
export default async function PaymentPage({
  params,
  searchParams,
}: {
  params: Promise<{ paymentId: string }>;
  searchParams: Promise<{ watch?: string; canceled?: string }>;
}) {
  const actor = await requireUser();
  const { paymentId } = await params;
  const payment = await getPayment({ actor, paymentId });
  if (!payment) pageNotFound();
  const t = await getTranslations('payments');
  const query = await searchParams;
  const paid = ['succeeded', 'partially_refunded', 'refunded'].includes(payment.status);
  const path = `/payments/${payment.id}`;
  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <Link href={`/accounts/${payment.account.id}/payments`}>← {t('page.back')}</Link>
      </p>
      <PageTitle lead={t('page.lead')}>{paid ? t('page.titlePaid') : t('page.title')}</PageTitle>
      <PaymentProgress
        payment={payment}
        path={path}
        watching={query.watch === '1'}
        canceled={query.canceled === '1'}
      />
      <PaymentFacts payment={payment} />
      <p className="flex flex-wrap gap-4">
        {paid ? (
          <a href={`${path}/pdf`} className="btn-outline">
            {t('page.pdf')}
          </a>
        ) : null}
        <Link href="/dashboard" className="inline-flex min-h-12 items-center">
          {t('page.dashboard')}
        </Link>
      </p>
    </div>
  );
}
