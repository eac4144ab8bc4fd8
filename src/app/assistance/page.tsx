import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { startApplicationAction } from '@/actions/assistance/start-application';
import { ApplicationStatus } from '@/components/assistance/application-status';
import { dayDate } from '@/components/assistance/dates';
import { FormMessage, PageTitle, SubmitButton } from '@/components/ui/form';
import { requireUser } from '@/server/auth';
import { listLinkedAccounts } from '@/server/accounts';
import { listMyApplications, listPrograms } from '@/server/assistance';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('assistance');
  return { title: t('home.title') };
}

const ERRORS = ['pick', 'no_accounts', 'program_inactive', 'not_renewable'] as const;

export default async function AssistancePage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>;
}) {
  const actor = await requireUser();
  const [t, format, locale, params, applications, programs, accounts] = await Promise.all([
    getTranslations('assistance'),
    getFormatter(),
    getLocale(),
    searchParams,
    listMyApplications({ actor }),
    listPrograms({ actor }),
    listLinkedAccounts({ actor }),
  ]);
  const zh = locale === 'zh-CN';
  const error = ERRORS.find((e) => e === params.error);
  const day = (d: string) => format.dateTime(dayDate(d), { dateStyle: 'long' });

  return (
    <div className="space-y-8">
      <p>
        <Link href="/dashboard">← {t('home.back')}</Link>
      </p>
      <PageTitle lead={t('home.lead')}>{t('home.title')}</PageTitle>

      <section aria-labelledby="mine-heading" className="space-y-3">
        <h2 id="mine-heading" className="text-xl font-semibold">
          {t('home.mine')}
        </h2>
        {applications.length === 0 ? (
          <p className="text-muted">{t('home.none')}</p>
        ) : (
          <ul className="space-y-3">
            {applications.map((a) => (
              <li key={a.id} className="rounded-xl border border-slate-200 bg-white p-4">
                <p className="flex flex-wrap items-center gap-3">
                  <Link href={`/assistance/${a.id}`} className="text-lg font-semibold">
                    {zh ? a.programName.zh : a.programName.en}
                  </Link>
                  <ApplicationStatus status={a.status} label={t(`status.${a.status}`)} />
                </p>
                <p className="text-muted">{t('home.reference', { reference: a.reference })}</p>
                {a.status === 'approved' && a.validFrom && a.validTo ? (
                  <p>{t('home.validity', { from: day(a.validFrom), to: day(a.validTo) })}</p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="apply-heading" className="max-w-2xl space-y-4">
        <h2 id="apply-heading" className="text-xl font-semibold">
          {t('home.apply')}
        </h2>
        {error ? <FormMessage tone="error">{t(`errors.start.${error}`)}</FormMessage> : null}
        {accounts.length === 0 ? (
          <FormMessage tone="info">
            {t('home.noAccounts')} <Link href="/accounts/link">{t('home.linkAccount')}</Link>
          </FormMessage>
        ) : (
          <form action={startApplicationAction} className="space-y-5">
            <fieldset className="space-y-3">
              <legend className="font-medium">{t('home.whichProgram')}</legend>
              {programs.map((p, index) => (
                <label
                  key={p.id}
                  className="flex gap-3 rounded-lg border border-slate-200 bg-white p-4"
                >
                  <input
                    type="radio"
                    name="programId"
                    value={p.id}
                    defaultChecked={index === 0}
                    className="mt-1 size-5 shrink-0"
                    aria-describedby={`program-${p.id}-description`}
                  />
                  <span>
                    <span className="block font-semibold">{zh ? p.name.zh : p.name.en}</span>
                    <span id={`program-${p.id}-description`} className="block">
                      {zh ? p.description.zh : p.description.en}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
            <fieldset
              className="space-y-2"
              aria-describedby={
                error === 'pick' || error === 'no_accounts' ? 'accounts-error' : undefined
              }
            >
              <legend className="font-medium">{t('home.whichAccounts')}</legend>
              {error === 'pick' || error === 'no_accounts' ? (
                <p id="accounts-error" className="text-danger text-sm font-medium">
                  {t('errors.start.no_accounts')}
                </p>
              ) : null}
              {accounts.map((account, index) => (
                <label key={account.id} className="flex min-h-11 items-center gap-3">
                  <input
                    type="checkbox"
                    name="accountIds"
                    value={account.id}
                    defaultChecked
                    autoFocus={(error === 'pick' || error === 'no_accounts') && index === 0}
                    className="size-5"
                  />
                  {t('accountLabel', {
                    utility: t(`utility.${account.utility}`),
                    number: account.accountNumber,
                    address: zh ? account.address.zh : account.address.en,
                  })}
                </label>
              ))}
            </fieldset>
            <p className="text-muted">{t('home.startHint')}</p>
            <SubmitButton>{t('home.start')}</SubmitButton>
          </form>
        )}
      </section>
    </div>
  );
}
