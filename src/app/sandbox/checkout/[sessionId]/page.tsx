import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from '@/i18n/server';
import {
  leaveSandboxCheckoutAction,
  payWithSandboxCardAction,
} from '@/actions/sandbox/sandbox-checkout';
import { SandboxBanner } from '@/components/payments/sandbox-banner';
import { Field, FormMessage, PageTitle, SecondaryButton, SubmitButton } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { formatFen } from '@/lib/money';
import { pageNotFound } from '@/lib/page-not-found';
import { paymentMode } from '@/server/payments';
import { getSandboxCheckout } from '@/server/payments/sandbox/checkout-flow';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('payments');
  return { title: t('sandbox.title') };
}

const FIELDS = ['number', 'expiry', 'cvc'] as const;
const TEST_CARDS = [
  ['4242 4242 4242 4242', 'success'],
  ['4000 0000 0000 0002', 'decline'],
  ['4000 0000 0000 9995', 'insufficient'],
  ['4000 0025 0000 3155', 'authenticate'],
] as const;

export default async function SandboxCheckoutPage({
  params,
  searchParams,
}: {
  params: Promise<{ sessionId: string }>;
  searchParams: Promise<{ error?: string; declined?: string }>;
}) {
  if (paymentMode() !== 'sandbox') pageNotFound();
  const { sessionId } = await params;
  const session = await getSandboxCheckout(sessionId);
  if (!session) pageNotFound();
  const t = await getTranslations('payments');
  const locale = toLocale(await getLocale());
  const query = await searchParams;
  const fieldError = FIELDS.find((f) => f === query.error);
  const declined = query.declined ?? null;
  const amount = formatFen(session.amountFen, locale, session.currency.toUpperCase());
  const knownDecline = [
    'generic_decline',
    'insufficient_funds',
    'payment_intent_authentication_failure',
    'payment_method_provider_decline',
    'expired_card',
    'lost_card',
  ];

  return (
    <div className="max-w-xl space-y-6">
      <SandboxBanner />
      <PageTitle lead={session.description}>{t('sandbox.payAmount', { amount })}</PageTitle>

      {session.status !== 'open' ? (
        <div className="space-y-4">
          <FormMessage tone="info">
            {session.status === 'complete' ? t('sandbox.alreadyComplete') : t('sandbox.expired')}
          </FormMessage>
          <p>
            <a
              href={
                session.status === 'complete'
                  ? session.successUrl
                  : (session.cancelUrl ?? session.successUrl)
              }
            >
              {t('sandbox.backToSite')}
            </a>
          </p>
        </div>
      ) : (
        <>
          {declined ? (
            <FormMessage tone="error">
              {t(`sandbox.declined.${knownDecline.includes(declined) ? declined : 'other'}`)}
            </FormMessage>
          ) : null}

          {session.methods.includes('card') ? (
            <section aria-labelledby="card-heading" className="space-y-4">
              <h2 id="card-heading" className="text-xl font-semibold">
                {t('sandbox.card.heading')}
              </h2>
              <form action={payWithSandboxCardAction} className="space-y-4">
                <input type="hidden" name="sessionId" value={session.id} />
                <Field
                  id="cardNumber"
                  label={t('sandbox.card.number')}
                  hint={t('sandbox.card.numberHint')}
                  inputMode="numeric"
                  autoComplete="cc-number"
                  required
                  errors={fieldError === 'number' ? [t('sandbox.card.errors.number')] : undefined}
                  focus={fieldError === 'number'}
                />
                <div className="grid max-w-md grid-cols-2 gap-4">
                  <Field
                    id="expiry"
                    label={t('sandbox.card.expiry')}
                    hint={t('sandbox.card.expiryHint')}
                    autoComplete="cc-exp"
                    required
                    errors={fieldError === 'expiry' ? [t('sandbox.card.errors.expiry')] : undefined}
                    focus={fieldError === 'expiry'}
                  />
                  <Field
                    id="cvc"
                    label={t('sandbox.card.cvc')}
                    hint={t('sandbox.card.cvcHint')}
                    inputMode="numeric"
                    autoComplete="cc-csc"
                    required
                    errors={fieldError === 'cvc' ? [t('sandbox.card.errors.cvc')] : undefined}
                    focus={fieldError === 'cvc'}
                  />
                </div>
                <SubmitButton>{t('sandbox.card.pay', { amount })}</SubmitButton>
              </form>
              <details className="rounded-md border border-slate-300 p-3">
                <summary className="cursor-pointer font-medium">
                  {t('sandbox.card.testCards')}
                </summary>
                <ul className="mt-2 space-y-1">
                  {TEST_CARDS.map(([number, kind]) => (
                    <li key={number}>
                      <code className="tabular-nums">{number}</code> —{' '}
                      {t(`sandbox.card.test.${kind}`)}
                    </li>
                  ))}
                </ul>
                <p className="text-muted mt-2 text-sm">{t('sandbox.card.testHint')}</p>
              </details>
            </section>
          ) : null}

          {session.methods.some((m) => m === 'alipay' || m === 'wechat_pay') ? (
            <section aria-labelledby="wallet-heading" className="space-y-3">
              <h2 id="wallet-heading" className="text-xl font-semibold">
                {t('sandbox.wallet.heading')}
              </h2>
              <ul className="flex flex-wrap gap-3">
                {(['alipay', 'wechat_pay'] as const)
                  .filter((m) => session.methods.includes(m))
                  .map((method) => (
                    <li key={method}>
                      <Link
                        href={`/sandbox/checkout/${session.id}/wallet/${method}`}
                        className="btn-outline"
                      >
                        {t(`method.${method}`)}
                      </Link>
                    </li>
                  ))}
              </ul>
            </section>
          ) : null}

          <form action={leaveSandboxCheckoutAction}>
            <input type="hidden" name="sessionId" value={session.id} />
            <SecondaryButton>{t('sandbox.cancel')}</SecondaryButton>
          </form>
        </>
      )}
    </div>
  );
}
