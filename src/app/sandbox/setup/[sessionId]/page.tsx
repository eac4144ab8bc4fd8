import type { Metadata } from 'next';
import { getTranslations } from '@/i18n/server';
import { completeSandboxSetupAction } from '@/actions/sandbox/sandbox-setup';
import { Field, FormMessage, PageTitle, SubmitButton } from '@/components/ui/form';
import { pageNotFound } from '@/lib/page-not-found';
import { paymentMode } from '@/server/payments/payment-settings';
import { getSandboxSetupPage } from '@/server/payments/sandbox/get-sandbox-setup-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('directDebit');
  return { title: t('sandbox.title.card') };
}

const TESTS = {
  card: [
    '4242424242424242',
    '4000000000000341',
    '4000000000009995',
    '4000000000000259',
    '4000000000000002',
  ],
  sepa_debit: ['DE89370400440532013000', 'DE62370400440532013001', 'DE35370400440532013002'],
  bacs_debit: ['00012345', '90012345'],
  us_bank_account: ['000123456789', '000111111116'],
} as const;

/** Field names per method, in the order the form shows them. */
const FIELDS = {
  card: ['cardNumber', 'expiry', 'cvc'],
  sepa_debit: ['accountHolder', 'iban'],
  bacs_debit: ['accountHolder', 'sortCode', 'accountNumber'],
  us_bank_account: ['accountHolder', 'routingNumber', 'accountNumber'],
} as const;

const ERRORS = ['invalid', 'not_test_number', 'declined', 'closed'] as const;

function spaced(number: string): string {
  return number.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The offline sandbox's hosted page for saving a card or bank account for direct debit (what
 * Stripe's Checkout in setup mode shows). Plain form, works without JavaScript.
 */
export default async function SandboxSetupPage({
  params,
  searchParams,
}: {
  params: Promise<{ sessionId: string }>;
  searchParams: Promise<{ error?: string; field?: string }>;
}) {
  if (paymentMode() !== 'sandbox') pageNotFound();
  const { sessionId } = await params;
  const session = await getSandboxSetupPage(sessionId);
  if (!session) pageNotFound();
  const t = await getTranslations('directDebit');
  const query = await searchParams;
  const error = ERRORS.find((e) => e === query.error);
  const fields = FIELDS[session.method];
  const errorField =
    fields.find((f) => f === query.field) ?? (error === 'declined' ? 'cardNumber' : undefined);
  const fieldError = (field: string) => {
    if (field !== errorField || !error || error === 'closed') return undefined;
    if (error === 'declined') return [t('sandbox.errors.declined')];
    return [t(`sandbox.errors.${field === 'expiry' ? 'expiry' : error}`)];
  };
  const labels: Record<string, { label: string; autoComplete?: string; inputMode?: 'numeric' }> = {
    cardNumber: { label: t('sandbox.cardNumber'), autoComplete: 'cc-number', inputMode: 'numeric' },
    expiry: { label: t('sandbox.expiry'), autoComplete: 'cc-exp' },
    cvc: { label: t('sandbox.cvc'), autoComplete: 'cc-csc', inputMode: 'numeric' },
    iban: { label: t('sandbox.iban') },
    sortCode: { label: t('sandbox.sortCode'), inputMode: 'numeric' },
    accountNumber: { label: t('sandbox.accountNumber'), inputMode: 'numeric' },
    routingNumber: { label: t('sandbox.routingNumber'), inputMode: 'numeric' },
    accountHolder: { label: t('sandbox.accountHolder'), autoComplete: 'name' },
  };

  return (
    <div className="max-w-xl space-y-6">
      <p
        role="note"
        className="rounded-md border-2 border-dashed border-amber-600 bg-amber-50 px-4 py-3 font-semibold text-amber-900"
      >
        {t('sandbox.banner')}
      </p>
      <PageTitle lead={t('sandbox.lead')}>{t(`sandbox.title.${session.method}`)}</PageTitle>

      {session.status !== 'open' || error === 'closed' ? (
        <div className="space-y-4">
          <FormMessage tone="info">{t('sandbox.closedTitle')}</FormMessage>
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
          {error === 'declined' ? (
            <FormMessage tone="error">{t('sandbox.errors.declined')}</FormMessage>
          ) : null}
          <form action={completeSandboxSetupAction} className="space-y-4">
            <input type="hidden" name="sessionId" value={session.id} />
            {fields.map((field) => {
              const spec = labels[field] ?? { label: field };
              const errors = fieldError(field);
              return (
                <Field
                  key={field}
                  id={field}
                  label={spec.label}
                  hint={field === 'expiry' ? '12/34' : undefined}
                  autoComplete={spec.autoComplete}
                  inputMode={spec.inputMode}
                  required
                  errors={errors}
                  focus={Boolean(errors)}
                />
              );
            })}
            <div className="flex flex-wrap items-center gap-4">
              <SubmitButton>{t('sandbox.save')}</SubmitButton>
              {session.cancelUrl ? (
                <a href={session.cancelUrl} className="inline-flex min-h-12 items-center">
                  {t('sandbox.cancel')}
                </a>
              ) : null}
            </div>
          </form>
          <section
            aria-labelledby="tests-heading"
            className="rounded-md border border-slate-300 p-3"
          >
            <h2 id="tests-heading" className="font-semibold">
              {t('sandbox.testNumbers')}
            </h2>
            <ul className="mt-2 space-y-1">
              {TESTS[session.method].map((number) => (
                <li key={number}>
                  <code className="tabular-nums">
                    {session.method === 'card' ? spaced(number) : number}
                  </code>{' '}
                  — {t(`sandbox.tests.${number}`)}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
