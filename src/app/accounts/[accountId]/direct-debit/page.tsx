import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { cancelMandateAction } from '@/actions/direct-debit/cancel-mandate';
import { startMandateSetupAction } from '@/actions/direct-debit/start-mandate-setup';
import { CollectionsTable } from '@/components/direct-debit/collections-table';
import { Field, FormMessage, PageTitle, SubmitButton } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { fillMandateDetails, getDirectDebitOverview } from '@/server/direct-debit';

type TProps = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<{
    setup?: string;
    canceled?: string;
    inFlight?: string;
    error?: string;
    minutes?: string;
  }>;
};

const ERRORS = [
  'consent',
  'password_required',
  'wrong_password',
  'no_password',
  'throttled',
  'provider',
  'unavailable',
  'account_closed',
] as const;
const PASSWORD_ERRORS = ['password_required', 'wrong_password', 'throttled'] as const;
const KNOWN_FAILURES = [
  'generic_decline',
  'card_declined',
  'insufficient_funds',
  'provider_unavailable',
  'abandoned',
  'retries_exhausted',
  'no_account',
];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('directDebit');
  return { title: t('metaTitle') };
}

export default async function DirectDebitPage({ params, searchParams }: TProps) {
  const actor = await requireUser();
  const raw = (await params).accountId;
  const accountId = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  if (accountId === null) pageNotFound();
  let overview = await getDirectDebitOverview({ actor, accountId });
  if (!overview) pageNotFound();
  if (overview.active && !overview.active.methodLast4) {
    // Masked card details arrive after activation; read them once, then show them.
    if ((await fillMandateDetails({ accountId })) > 0)
      overview = (await getDirectDebitOverview({ actor, accountId })) ?? overview;
  }

  const t = await getTranslations('directDebit');
  const format = await getFormatter();
  const zh = toLocale(await getLocale()) === 'zh-CN';
  const query = await searchParams;
  const error = ERRORS.find((e) => e === query.error);
  const passwordError = PASSWORD_ERRORS.find((e) => e === error);
  const { account, active, pending, lastFailed } = overview;
  const reason = (code: string | null) =>
    t(`failure.${code && KNOWN_FAILURES.includes(code) ? code : 'other'}`);
  const method = (type: string) =>
    ['card', 'sepa_debit', 'bacs_debit', 'us_bank_account'].includes(type)
      ? t(`method.${type}`)
      : type;
  const canceledCount = Number(query.canceled);
  const inFlight = Number(query.inFlight);

  return (
    <div className="space-y-8">
      <p>
        <Link href={`/accounts/${account.id}`}>← {t('back')}</Link>
      </p>
      <PageTitle
        lead={t('account', {
          number: account.accountNumber,
          address: zh ? account.address.zh : account.address.en,
        })}
      >
        {t('title')}
      </PageTitle>
      <p className="max-w-prose">{t('lead', { days: overview.noticeDays })}</p>

      {query.setup === 'returned' && pending ? (
        <FormMessage tone="info">{t('banner.returned')}</FormMessage>
      ) : null}
      {query.setup === 'canceled' ? (
        <FormMessage tone="info">{t('banner.setupCanceled')}</FormMessage>
      ) : null}
      {query.canceled !== undefined ? (
        <FormMessage tone="success">
          {canceledCount > 0
            ? t('banner.canceledWithCount', { count: canceledCount })
            : t('banner.canceled')}
          {inFlight > 0 ? <> {t('banner.inFlight', { count: inFlight })}</> : null}
        </FormMessage>
      ) : null}
      {error && !passwordError && error !== 'consent' ? (
        <FormMessage tone="error">{t(`errors.${error}`)}</FormMessage>
      ) : null}

      <section
        aria-labelledby="status-heading"
        className="space-y-2 rounded-xl border border-slate-200 bg-white p-5"
      >
        <h2 id="status-heading" className="text-xl font-semibold">
          {t('status.heading')}
        </h2>
        {active ? (
          <>
            <p className="text-success text-lg font-semibold">{t('status.active')}</p>
            <p>
              {active.methodLast4
                ? t('status.activeDetail', {
                    method: method(active.methodType),
                    label: (active.methodLabel ?? '').toUpperCase(),
                    last4: active.methodLast4,
                  })
                : t('status.activeDetailPending', { method: method(active.methodType) })}
            </p>
            {active.activatedAt ? (
              <p className="text-muted">
                {t('status.activeSince', {
                  date: format.dateTime(active.activatedAt, { dateStyle: 'long' }),
                })}
              </p>
            ) : null}
          </>
        ) : pending ? (
          <p className="text-lg font-semibold">{t('status.pending')}</p>
        ) : (
          <>
            <p className="text-lg font-semibold">{t('status.none')}</p>
            <p>{t('status.noneBody')}</p>
          </>
        )}
        {pending ? (
          <>
            <p>{active ? t('status.pendingChange') : t('status.pendingBody')}</p>
            <p>
              <Link href={`/accounts/${account.id}/direct-debit`} className="link-action">
                {t('status.refresh')}
              </Link>
            </p>
          </>
        ) : null}
        {lastFailed ? (
          <p className="text-danger">
            {t('status.failed', { reason: reason(lastFailed.failureCode) })}
          </p>
        ) : null}
      </section>

      {active || overview.upcoming.length > 0 ? (
        <section aria-labelledby="upcoming-heading" className="space-y-3">
          <h2 id="upcoming-heading" className="text-xl font-semibold">
            {t('upcoming.heading')}
          </h2>
          {overview.upcoming.length === 0 ? (
            <p>{t('upcoming.empty')}</p>
          ) : (
            <CollectionsTable collections={overview.upcoming} kind="upcoming" />
          )}
        </section>
      ) : null}

      <section aria-labelledby="setup-heading" className="max-w-prose space-y-4">
        <h2 id="setup-heading" className="text-xl font-semibold">
          {active ? t('setup.changeHeading') : t('setup.heading')}
        </h2>
        <form action={startMandateSetupAction} className="space-y-4" noValidate>
          <input type="hidden" name="accountId" value={account.id} />
          <div
            className="space-y-2 rounded-md border border-slate-300 p-4"
            aria-describedby={error === 'consent' ? 'consent-error' : undefined}
          >
            <p id="consent-text">{t('setup.consent', { days: overview.noticeDays })}</p>
            {error === 'consent' ? (
              <p id="consent-error" className="text-danger text-sm font-medium">
                {t('errors.consent')}
              </p>
            ) : null}
            <label className="flex min-h-11 items-center gap-3 font-medium">
              <input
                type="checkbox"
                name="consent"
                value="yes"
                required
                className="size-5"
                aria-describedby={`consent-text${error === 'consent' ? ' consent-error' : ''}`}
                aria-invalid={error === 'consent' ? true : undefined}
                autoFocus={error === 'consent'}
              />
              {t('setup.consentLabel')}
            </label>
          </div>
          {active ? (
            <Field
              id="password"
              type="password"
              autoComplete="current-password"
              label={t('setup.password')}
              hint={t('setup.passwordHint')}
              required
              errors={
                passwordError
                  ? [t(`errors.${passwordError}`, { minutes: Number(query.minutes) || 15 })]
                  : undefined
              }
              focus={Boolean(passwordError)}
            />
          ) : null}
          <p className="text-muted text-sm">{t('setup.note')}</p>
          <SubmitButton>{active ? t('setup.changeSubmit') : t('setup.submit')}</SubmitButton>
        </form>
      </section>

      {active || pending ? (
        <section aria-labelledby="cancel-heading" className="max-w-prose space-y-3">
          <h2 id="cancel-heading" className="text-xl font-semibold">
            {t('cancel.heading')}
          </h2>
          <p>{t('cancel.body')}</p>
          <form action={cancelMandateAction}>
            <input type="hidden" name="accountId" value={account.id} />
            <button
              type="submit"
              className="bg-danger inline-flex min-h-12 items-center rounded-lg px-5 font-semibold text-white hover:opacity-90"
            >
              {t('cancel.submit')}
            </button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-xl font-semibold">
          {t('history.heading')}
        </h2>
        {overview.history.length === 0 ? (
          <p>{t('history.empty')}</p>
        ) : (
          <CollectionsTable collections={overview.history} kind="history" />
        )}
      </section>
    </div>
  );
}
