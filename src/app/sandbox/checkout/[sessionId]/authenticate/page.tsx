import type { Metadata } from 'next';
import { getLocale, getTranslations } from '@/i18n/server';
import { completeSandboxAuthenticationAction } from '@/actions/sandbox/sandbox-checkout';
import { SandboxBanner } from '@/components/payments/sandbox-banner';
import { PageTitle, SecondaryButton, SubmitButton } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { formatFen } from '@/lib/money';
import { pageNotFound } from '@/lib/page-not-found';
import { paymentMode } from '@/server/payments';
import { getSandboxCheckout } from '@/server/payments/sandbox/checkout-flow';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('sandbox.authenticate.title') };
}

/** A simulated 3-D Secure page: the card's bank asks the payer to confirm. */
export default async function SandboxAuthenticatePage({
  params,
}: {
  params: Promise<{ sessionId: string }>;
}) {
  if (paymentMode() !== 'sandbox') pageNotFound();
  const { sessionId } = await params;
  const session = await getSandboxCheckout(sessionId);
  if (!session?.awaitingAuthentication) pageNotFound();
  const t = await getTranslations('payments');
  const locale = toLocale(await getLocale());
  const amount = formatFen(session.amountFen, locale, session.currency.toUpperCase());
  return (
    <div className="max-w-xl space-y-6">
      <SandboxBanner />
      <PageTitle
        lead={t('sandbox.authenticate.lead', {
          last4: session.awaitingAuthentication.last4,
          amount,
        })}
      >
        {t('sandbox.authenticate.title')}
      </PageTitle>
      <form action={completeSandboxAuthenticationAction} className="flex flex-wrap gap-3">
        <input type="hidden" name="sessionId" value={session.id} />
        <SubmitButton name="decision" value="complete">
          {t('sandbox.authenticate.complete')}
        </SubmitButton>
        <SecondaryButton name="decision" value="fail">
          {t('sandbox.authenticate.fail')}
        </SecondaryButton>
      </form>
    </div>
  );
}
