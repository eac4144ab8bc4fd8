import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getTranslations, useFormatter, useLocale, useTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { UtilityIcon } from '@/components/accounts/utility-icon';
import { StatusBadge } from '@/components/accounts/status-badge';
import { dateOnly } from '@/components/accounts/readings-table';
import { requireUser } from '@/server/auth';
import { getResidentGreeting, type TLinkedAccountSummary } from '@/server/accounts';
import { TIME_ZONE } from '@/lib/locale';
import { AccountCardBilling } from '@/components/bills/account-card-billing';
import { AccountServiceLink } from '@/components/accounts/account-service-link';
import { PayBalanceButton } from '@/components/payments/pay-balance-button';
import type { TAccountBillingSummary } from '@/server/bills';
import { DashboardAssistance } from '@/components/assistance/dashboard-assistance';
import { DashboardComplaints } from '@/components/complaints/dashboard-complaints';
import { ResidentNotices } from '@/components/notices/resident-notices';
import { getResidentDashboard } from '@/server/page-reads';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('accounts');
  return { title: t('dashboard.title') };
}

/** Made once: building an Intl formatter costs more than the rest of the greeting. */
const hourInCity = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  hourCycle: 'h23',
  timeZone: TIME_ZONE,
});

function partOfDay(now: Date): 'morning' | 'afternoon' | 'evening' {
  const hour = Number(hourInCity.format(now));
  if (hour >= 4 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 18) return 'afternoon';
  return 'evening';
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ linked?: string; unlinked?: string }>;
}) {
  const actor = await requireUser();
  const [{ name }, dashboard, params, t] = await Promise.all([
    getResidentGreeting({ actor }),
    getResidentDashboard({ actor }),
    searchParams,
    getTranslations('accounts'),
  ]);
  const { accounts, billing, notices, applications: assistance, complaints } = dashboard;
  const greeting = name
    ? t(`dashboard.greeting.${partOfDay(new Date())}`, { name })
    : t('dashboard.greeting.anonymous');

  return (
    <div className="space-y-8">
      <PageTitle lead={t('dashboard.lead')}>{greeting}</PageTitle>
      {params.linked ? <FormMessage tone="success">{t('dashboard.linked')}</FormMessage> : null}
      {params.unlinked ? (
        <FormMessage tone="success">
          {t('dashboard.unlinked')}
          {params.unlinked === 'direct-debit' ? ` ${t('dashboard.unlinkedDirectDebit')}` : null}
        </FormMessage>
      ) : null}

      {/* Later capabilities add their own sections here (notices, bills due, payments,
          complaints, waivers), each fed by its own domain query — never placeholder numbers. */}
      {accounts.length > 0 ? (
        <ResidentNotices
          notices={notices}
          showAddresses={new Set(accounts.map((a) => a.address.zh)).size > 1}
        />
      ) : null}

      <section aria-labelledby="accounts-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="accounts-heading" className="text-xl font-semibold">
            {t('dashboard.accounts.title')}
          </h2>
          {accounts.length > 0 ? (
            <Link href="/accounts/link" className="btn-primary">
              {t('dashboard.accounts.linkAnother')}
            </Link>
          ) : null}
        </div>
        {accounts.length === 0 ? (
          <div className="rounded-xl border-2 border-dashed border-slate-300 p-6">
            <h3 className="text-lg font-semibold">{t('dashboard.empty.title')}</h3>
            <p className="mt-2 max-w-prose">{t('dashboard.empty.body')}</p>
            <Link href="/accounts/link" className={`btn-primary mt-4`}>
              {t('dashboard.empty.action')}
            </Link>
          </div>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {accounts.map((account) => (
              <li key={account.id}>
                <AccountCard
                  account={account}
                  billing={billing.find((b) => b.accountId === account.id)}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <DashboardComplaints cases={complaints} />

      {accounts.length > 0 || assistance.length > 0 ? (
        <DashboardAssistance applications={assistance} />
      ) : null}
    </div>
  );
}

function AccountCard({
  account,
  billing,
}: {
  account: TLinkedAccountSummary;
  billing?: TAccountBillingSummary;
}) {
  const t = useTranslations('accounts');
  const format = useFormatter();
  const zh = useLocale() === 'zh-CN';
  const unit = t(`unit.${account.utility}`);
  const number = (value: string) => format.number(Number(value), { maximumFractionDigits: 2 });
  const headingId = `account-${account.id}-heading`;
  return (
    <article
      aria-labelledby={headingId}
      className="flex h-full flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <header className="flex items-start gap-3">
        <UtilityIcon utility={account.utility} />
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="text-lg font-semibold">
            {t(`utility.${account.utility}`)}
            <span className="text-muted ml-2 font-normal tabular-nums">
              {account.accountNumber}
            </span>
          </h3>
          <p className="text-muted">
            {zh ? account.address.zh : account.address.en}
            <span className="block text-sm">
              {t('card.meterValue', { serial: account.meterSerial ?? t('card.noMeter') })}
            </span>
          </p>
        </div>
        {/* Only a status that needs attention: "正常" on every card said nothing. */}
        {account.status === 'active' ? null : <StatusBadge status={account.status} />}
      </header>

      <AccountCardBilling summary={billing} />
      <PayBalanceButton
        accountId={account.id}
        accountNumber={account.accountNumber}
        balanceFen={billing?.balanceFen ?? 0}
        currency={billing?.currency ?? 'CNY'}
      />

      {/* Not a <section>: one "last two readings" region per card would give the page several
          landmarks of the same name. The heading is enough to find it; no wrapper either, the
          card is a column already. */}
      <h4 className="mt-4 font-semibold">{t('card.lastReadings')}</h4>
      {account.lastReadings.length > 0 ? (
        <ul className="mt-2 space-y-2">
          {account.lastReadings.map((r) => (
            <li
              key={`${r.period}-${r.meterSerial}`}
              className="flex flex-wrap items-baseline justify-between gap-x-4 rounded-md bg-slate-50 px-3 py-2"
            >
              {t('card.readOn', {
                date: format.dateTime(dateOnly(r.readOn), { dateStyle: 'medium' }),
              })}
              {r.kind !== 'actual' ? ` · ${t(`kind.${r.kind}`)}` : null}
              {/* Usage and meter reading stay together: beside the date, or under it on the right. */}
              <span className="ml-auto tabular-nums">
                <strong>
                  {t('card.usage', {
                    amount: t('amount', { value: number(r.consumption), unit }),
                  })}
                </strong>{' '}
                <span className="text-muted text-sm">
                  {t('card.readingValue', { value: number(r.reading) })}
                </span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {account.readingNote ? (
        <p className="mt-2 rounded-md border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-sm">
          {t(`notes.${account.readingNote}`)}
        </p>
      ) : null}

      {/* The monthly things here; payment history, annual reports, direct debit and unlinking
          are on the account's own page, behind "more services" (ADR 020). */}
      <footer className="mt-auto flex flex-wrap gap-3 pt-4">
        <AccountServiceLink
          service="usage"
          accountId={account.id}
          accountNumber={account.accountNumber}
        />
        <AccountServiceLink
          service="bills"
          accountId={account.id}
          accountNumber={account.accountNumber}
        />
        <Link
          href={`/accounts/${account.id}`}
          aria-label={t('card.moreFor', { number: account.accountNumber })}
          className="btn-outline-sm"
        >
          {t('card.more')}
        </Link>
      </footer>
    </article>
  );
}
