import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { startCollectionDayAction } from '@/actions/direct-debit/start-collection-day';
import { billDate } from '@/components/bills/bill-dates';
import { CollectionsTable } from '@/components/direct-debit/collections-table';
import { Field, FormMessage, PageTitle, SubmitButton } from '@/components/ui/form';
import { toLocale } from '@/lib/locale';
import { formatFen } from '@/lib/money';
import { requirePermission } from '@/server/auth';
import { getStaffDirectDebitView } from '@/server/direct-debit';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('directDebit');
  return { title: t('staff.title') };
}

const RUN_ERRORS = ['future_day', 'past_day', 'unavailable', 'day'] as const;

export default async function StaffDirectDebitPage({
  searchParams,
}: {
  searchParams: Promise<{ account?: string; queued?: string; runError?: string }>;
}) {
  const actor = await requirePermission('view:mandate:any');
  const query = await searchParams;
  const accountNumber = query.account && /^\d{10}$/.test(query.account) ? query.account : undefined;
  const view = await getStaffDirectDebitView({ actor, accountNumber });
  const t = await getTranslations('directDebit');
  const format = await getFormatter();
  const locale = toLocale(await getLocale());
  const day = (value: string) => format.dateTime(billDate(value), { dateStyle: 'long' });
  const month = (value: string) =>
    format.dateTime(billDate(value), { year: 'numeric', month: 'long' });
  const runError = RUN_ERRORS.find((e) => e === query.runError);
  const queued = query.queued && /^\d{4}-\d{2}-\d{2}$/.test(query.queued) ? query.queued : null;

  return (
    <div className="space-y-8">
      <PageTitle lead={t('staff.lead')}>{t('staff.title')}</PageTitle>

      <section aria-labelledby="counts-heading" className="space-y-3">
        <h2 id="counts-heading" className="text-xl font-semibold">
          {t('staff.counts.heading')}
        </h2>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {(
            [
              ['activeMandates', view.counts.activeMandates],
              ['scheduled', view.counts.scheduled],
              ['processing', view.counts.processing],
              ['failed30Days', view.counts.failed30Days],
            ] as const
          ).map(([key, value]) => (
            <div key={key} className="rounded-xl border border-slate-200 bg-white p-4">
              <dt className="text-muted">{t(`staff.counts.${key}`)}</dt>
              <dd className="text-2xl font-bold tabular-nums">{format.number(value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      {view.canRun ? (
        <section aria-labelledby="run-heading" className="max-w-xl space-y-3">
          <h2 id="run-heading" className="text-xl font-semibold">
            {t('staff.run.heading')}
          </h2>
          <p>{t('staff.run.body')}</p>
          {queued ? (
            <FormMessage tone="success">
              {t('staff.run.queued', { date: day(queued) })}{' '}
              <Link href="/staff/direct-debit" className="font-semibold">
                {t('staff.run.refresh')}
              </Link>
            </FormMessage>
          ) : null}
          {view.nextDueOn ? <p>{t('staff.run.nextDue', { date: day(view.nextDueOn) })}</p> : null}
          <form action={startCollectionDayAction} className="space-y-4">
            {view.canRunAhead ? (
              <Field
                id="day"
                type="date"
                label={t('staff.run.day')}
                hint={t('staff.run.dayHint')}
                min={view.today}
                defaultValue={
                  view.nextDueOn && view.nextDueOn > view.today ? view.nextDueOn : view.today
                }
                errors={runError ? [t(`staff.runErrors.${runError}`)] : undefined}
                focus={Boolean(runError)}
              />
            ) : (
              <>
                <input type="hidden" name="day" value="" />
                {runError ? (
                  <FormMessage tone="error">{t(`staff.runErrors.${runError}`)}</FormMessage>
                ) : null}
              </>
            )}
            <SubmitButton>{t('staff.run.submit')}</SubmitButton>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="failed-heading" className="space-y-3">
        <h2 id="failed-heading" className="text-xl font-semibold">
          {t('staff.failed.heading')}
        </h2>
        {view.failed.length === 0 ? (
          <p>{t('staff.failed.empty')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <caption className="text-muted mb-2 text-left">{t('staff.failed.caption')}</caption>
              <thead>
                <tr className="border-b-2 border-slate-300">
                  <th scope="col" className="py-2 pr-4">
                    {t('staff.failed.account')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('staff.failed.period')}
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right">
                    {t('staff.failed.amount')}
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    {t('staff.failed.reason')}
                  </th>
                  <th scope="col" className="py-2">
                    {t('staff.failed.date')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.failed.map((c) => (
                  <tr key={c.id} className="border-b border-slate-200">
                    <th scope="row" className="py-2 pr-4 font-normal">
                      <Link
                        href={`/staff/direct-debit?account=${c.accountNumber}`}
                        className="inline-flex min-h-11 items-center tabular-nums"
                      >
                        {c.accountNumber}
                      </Link>
                    </th>
                    <td className="py-2 pr-4">{month(c.billPeriod)}</td>
                    <td className="py-2 pr-4 text-right tabular-nums">
                      {formatFen(c.amountFen, locale, c.currency)}
                    </td>
                    <td className="py-2 pr-4">
                      <code>{c.lastFailureCode ?? '—'}</code>
                    </td>
                    <td className="py-2">
                      {format.dateTime(c.updatedAt, { dateStyle: 'medium' })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="lookup-heading" className="space-y-4">
        <h2 id="lookup-heading" className="text-xl font-semibold">
          {t('staff.lookup.heading')}
        </h2>
        <form method="get" action="/staff/direct-debit" className="flex flex-wrap items-end gap-4">
          <Field
            id="account"
            label={t('staff.lookup.accountNumber')}
            inputMode="numeric"
            pattern="\d{10}"
            defaultValue={query.account ?? ''}
          />
          <SubmitButton>{t('staff.lookup.submit')}</SubmitButton>
        </form>
        {query.account && !view.account ? (
          <FormMessage tone="info">
            {t('staff.lookup.notFound', { number: query.account.slice(0, 20) })}
          </FormMessage>
        ) : null}
        {view.account ? (
          <div className="space-y-4">
            <h3 className="text-lg font-semibold tabular-nums">{view.account.accountNumber}</h3>
            {view.account.mandates.length === 0 ? (
              <p>{t('staff.account.none')}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full border-collapse text-left">
                  <caption className="text-muted mb-2 text-left">
                    {t('staff.account.mandates')}
                  </caption>
                  <thead>
                    <tr className="border-b-2 border-slate-300">
                      <th scope="col" className="py-2 pr-4">
                        {t('staff.account.created')}
                      </th>
                      <th scope="col" className="py-2 pr-4">
                        {t('staff.account.status')}
                      </th>
                      <th scope="col" className="py-2">
                        {t('staff.account.method')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.account.mandates.map((m) => (
                      <tr key={m.id} className="border-b border-slate-200">
                        <td className="py-2 pr-4">
                          {format.dateTime(m.createdAt, { dateStyle: 'medium' })}
                        </td>
                        <td className="py-2 pr-4">
                          {t(`staff.mandateStatus.${m.status}`)}
                          {m.cancelReason ? ` (${m.cancelReason})` : ''}
                          {m.failureCode ? ` (${m.failureCode})` : ''}
                        </td>
                        <td className="py-2">
                          {m.methodType} {m.methodLabel ?? ''}{' '}
                          {m.methodLast4 ? `•••• ${m.methodLast4}` : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {view.account.collections.length > 0 ? (
              <CollectionsTable collections={view.account.collections} kind="history" />
            ) : null}
          </div>
        ) : null}
      </section>
    </div>
  );
}
