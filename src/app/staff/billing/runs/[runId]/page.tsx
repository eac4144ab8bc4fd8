import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { resolveBillingExceptionAction } from '@/actions/billing/resolve-billing-exception';
import { Field, FormMessage, PageTitle, SubmitButton } from '@/components/ui/form';
import { pageNotFound } from '@/lib/page-not-found';
import { requirePermission } from '@/server/auth';
import { getBillingRun, listBillingExceptions } from '@/server/billing';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('billing');
  return { title: t('title') };
}

const STARTED = ['started', 'joined', 'restarted', 'already_completed'] as const;
const DONE = ['corrected', 'released', 'unbilled', 'already'] as const;
/** Seconds between reloads when staff ask the page to follow a run (same as annual reports). */
const WATCH_SECONDS = 10;

export default async function BillingRunPage({
  params,
  searchParams,
}: {
  params: Promise<{ runId: string }>;
  searchParams: Promise<{
    started?: string;
    done?: string;
    error?: string;
    exception?: string;
    watch?: string;
  }>;
}) {
  const actor = await requirePermission('run:billing');
  const { runId: rawId } = await params;
  const runId = /^\d{1,9}$/.test(rawId) ? Number(rawId) : NaN;
  if (!Number.isSafeInteger(runId)) pageNotFound();
  const run = await getBillingRun({ actor, runId });
  if (!run) pageNotFound();
  const query = await searchParams;
  const t = await getTranslations('billing');
  const format = await getFormatter();
  const locale = await getLocale();
  const exceptions = await listBillingExceptions({ actor, runId });
  const inProgress = run.status === 'queued' || run.status === 'running';
  const watching = inProgress && query.watch === '1';
  const here = `/staff/billing/runs/${run.id}`;
  const period = format.dateTime(new Date(`${run.period}T00:00:00+08:00`), {
    year: 'numeric',
    month: 'long',
  });
  const started = STARTED.find((s) => s === query.started);
  const done = DONE.find((d) => d === query.done);
  const errorFor = Number(query.exception);
  const error = query.error === 'usage' || query.error === 'note' ? query.error : undefined;
  const unit = run.utility === 'electricity' ? 'kWh' : 'm³';
  const amount = (value: string | number | null | undefined) =>
    value === null || value === undefined ? '—' : `${String(value)} ${unit}`;

  return (
    <div className="space-y-8">
      {/* Progress without JavaScript. The page reloads itself only when staff asked for it
          (?watch=1) and only while the run works: an unasked-for timed refresh fails WCAG 2.2.1. */}
      {watching ? (
        <meta httpEquiv="refresh" content={`${WATCH_SECONDS};url=${here}?watch=1`} />
      ) : null}
      <p>
        <Link href="/staff/billing">{t('run.back')}</Link>
      </p>
      <PageTitle lead={t(`status.${run.status}`)}>
        {t('run.title', { period, utility: t(`utility.${run.utility}`) })}
      </PageTitle>
      {started ? <FormMessage tone="info">{t(`run.started.${started}`)}</FormMessage> : null}
      {done ? (
        <FormMessage tone={done === 'corrected' || done === 'released' ? 'success' : 'info'}>
          {t(`run.done.${done}`)}
        </FormMessage>
      ) : null}

      <section aria-labelledby="progress-heading" className="max-w-xl space-y-2">
        <h2 id="progress-heading" className="text-xl font-semibold">
          {t('run.progressLabel')}
        </h2>
        <progress
          className="h-4 w-full"
          max={Math.max(run.total, 1)}
          value={run.done}
          aria-labelledby="progress-heading"
          aria-describedby="progress-text"
        />
        <p id="progress-text" role="status" className="tabular-nums">
          {t('run.progress', { done: format.number(run.done), total: format.number(run.total) })}
        </p>
        {inProgress ? (
          <p className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <Link href={here} className="link-action">
              {t('run.refresh')}
            </Link>
            {watching ? (
              <>
                <span className="text-muted">{t('run.watching', { seconds: WATCH_SECONDS })}</span>
                <Link href={here} className="inline-flex min-h-11 items-center">
                  {t('run.stopWatching')}
                </Link>
              </>
            ) : (
              <Link href={`${here}?watch=1`} className="inline-flex min-h-11 items-center">
                {t('run.watch', { seconds: WATCH_SECONDS })}
              </Link>
            )}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="exceptions-heading" className="space-y-4">
        <h2 id="exceptions-heading" className="text-xl font-semibold">
          {t('run.exceptionsHeading')}
        </h2>
        {exceptions.length === 0 ? (
          <FormMessage tone="info">{t('run.noExceptions')}</FormMessage>
        ) : (
          <>
            <p>{t('run.openExceptions', { count: run.openExceptions })}</p>
            <ul className="space-y-4">
              {exceptions.map((exception) => {
                const usageErrors =
                  errorFor === exception.id && error === 'usage' ? [t('errors.usage')] : undefined;
                const noteErrors =
                  errorFor === exception.id && error === 'note' ? [t('errors.note')] : undefined;
                return (
                  <li
                    key={exception.id}
                    id={`exception-${exception.id}`}
                    className="space-y-3 rounded-lg border border-slate-300 p-4"
                  >
                    <h3 className="text-lg font-semibold">
                      {t(`exception.reasons.${exception.reason}`)}
                    </h3>
                    <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                      <dt className="font-medium">{t('exception.account')}</dt>
                      <dd className="tabular-nums">{exception.accountNumber}</dd>
                      <dt className="font-medium">{t('exception.holder')}</dt>
                      <dd>{exception.holderName}</dd>
                      <dt className="font-medium">{t('exception.address')}</dt>
                      <dd>{locale === 'en' ? exception.addressEn : exception.addressZh}</dd>
                      <dt className="font-medium">{t('exception.detail')}</dt>
                      <dd>
                        {t('exception.usageThisMonth', { usage: amount(exception.detail?.usage) })}
                        {exception.detail?.average != null
                          ? `${locale === 'en' ? '; ' : '；'}${t('exception.average', { average: amount(exception.detail.average) })}`
                          : null}
                      </dd>
                    </dl>
                    <form action={resolveBillingExceptionAction} className="space-y-3">
                      <input type="hidden" name="exceptionId" value={exception.id} />
                      <input type="hidden" name="runId" value={run.id} />
                      <Field
                        id={`usage-${exception.id}`}
                        name="usage"
                        inputMode="decimal"
                        label={`${t('exception.usage')} (${unit})`}
                        errors={usageErrors}
                        focus={Boolean(usageErrors)}
                        autoComplete="off"
                      />
                      <Field
                        id={`note-${exception.id}`}
                        name="note"
                        label={t('exception.note')}
                        maxLength={2000}
                        errors={noteErrors}
                        focus={Boolean(noteErrors)}
                        autoComplete="off"
                      />
                      <div className="flex flex-wrap gap-3">
                        <SubmitButton name="action" value="correct">
                          {t('exception.correct')}
                        </SubmitButton>
                        <SubmitButton name="action" value="release">
                          {t('exception.release')}
                        </SubmitButton>
                      </div>
                      {exception.reason === 'negative_consumption' ? (
                        <p className="text-muted text-sm">{t('exception.releaseHint')}</p>
                      ) : null}
                    </form>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
