import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations } from '@/i18n/server';
import { PageTitle } from '@/components/ui/form';
import { pageNotFound } from '@/lib/page-not-found';
import { verifyReceipt } from '@/server/complaints';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('complaints');
  return { title: t('received.title') };
}

/** The receipt of an anonymous report: reference and deadline from a signed token. */
export default async function ReportReceivedPage({
  searchParams,
}: {
  searchParams: Promise<{ r?: string }>;
}) {
  const receipt = verifyReceipt((await searchParams).r);
  if (!receipt) pageNotFound();
  const t = await getTranslations('complaints');
  return (
    <div className="max-w-2xl space-y-6">
      <PageTitle lead={t('received.lead')}>{t('received.title')}</PageTitle>
      <section className="border-success space-y-2 rounded-xl border-2 bg-green-50 p-5">
        <p>
          {t('received.reference')}:{' '}
          <strong className="font-mono text-2xl" data-testid="reference">
            {receipt.reference}
          </strong>
        </p>
        <p className="font-semibold">
          {t('deadline.answer.illegal_use')} · {t('deadline.dueAt', { due: receipt.answerDueAt })}
        </p>
        <p>{t('received.keep')}</p>
        <p>{receipt.mailed ? t('received.mailAnonymous') : t('received.noMail')}</p>
      </section>
      <p>
        <Link href="/report">{t('received.another')}</Link>
      </p>
    </div>
  );
}
