import type { Metadata } from 'next';
import { getLocale, getTranslations } from '@/i18n/server';
import { authorizeSandboxWalletAction } from '@/actions/sandbox/sandbox-checkout';
import { SandboxBanner } from '@/components/payments/sandbox-banner';
import { PageTitle, SecondaryButton, SubmitButton } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { formatFen } from '@/lib/money';
import { pageNotFound } from '@/lib/page-not-found';
import { paymentMode } from '@/server/payments';
import { getSandboxCheckout } from '@/server/payments/sandbox/checkout-flow';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('sandbox.wallet.title') };
}

/** A simulated Alipay / WeChat Pay page: the payer authorises in the app, or it fails. */
export default async function SandboxWalletPage({
  params,
}: {
  params: Promise<{ sessionId: string; method: string }>;
}) {
  if (paymentMode() !== 'sandbox') pageNotFound();
  const { sessionId, method } = await params;
  if (method !== 'alipay' && method !== 'wechat_pay') pageNotFound();
  const session = await getSandboxCheckout(sessionId);
  if (!session || session.status !== 'open' || !session.methods.includes(method)) pageNotFound();
  const t = await getTranslations('payments');
  const locale = toLocale(await getLocale());
  const amount = formatFen(session.amountFen, locale, session.currency.toUpperCase());
  const name = t(`method.${method}`);
  return (
    <div className="max-w-xl space-y-6">
      <SandboxBanner />
      <PageTitle lead={t('sandbox.wallet.lead', { method: name, amount })}>
        {t('sandbox.wallet.heading2', { method: name })}
      </PageTitle>
      <svg
        role="img"
        aria-label={t('sandbox.wallet.qr', { method: name })}
        viewBox="0 0 7 7"
        className="size-40 border border-slate-300 bg-white p-2"
      >
        {[0, 1, 2, 3, 4, 5, 6].flatMap((x) =>
          [0, 1, 2, 3, 4, 5, 6]
            .filter((y) => (x * 3 + y * 5 + x * y) % 3 === 0)
            .map((y) => <rect key={`${x}-${y}`} x={x} y={y} width="1" height="1" />),
        )}
      </svg>
      <form action={authorizeSandboxWalletAction} className="flex flex-col items-start gap-3">
        <input type="hidden" name="sessionId" value={session.id} />
        <input type="hidden" name="method" value={method} />
        <SubmitButton name="decision" value="approve">
          {t('sandbox.wallet.approve')}
        </SubmitButton>
        <SecondaryButton name="decision" value="approve_later">
          {t('sandbox.wallet.approveLater')}
        </SecondaryButton>
        <SecondaryButton name="decision" value="fail">
          {t('sandbox.wallet.fail')}
        </SecondaryButton>
      </form>
    </div>
  );
}
