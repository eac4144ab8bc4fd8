import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { pageNotFound } from '@/lib/page-not-found';
import { getFormatter, getTranslations } from '@/i18n/server';
import { Field, PageTitle, SubmitButton } from '@/components/ui/form';
import { isOutboxPageEnabled, listOutboxMail } from '@/server/mail';
import { OutboxBanner, OutboxStatus } from './_lib/outbox-banner';

const PAGE_SIZE = 50;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('outbox');
  return { title: t('title'), robots: { index: false, follow: false } };
}

/**
 * Development outbox: the mail the site "sent" while no SMTP server is configured.
 * Off in production unless OUTBOX_PAGE_ENABLED=true (the demo). E2E tests find a message with
 * ?to=<address>, follow its link to /dev/outbox/<id> and read [data-testid="mail-body"].
 */
export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!isOutboxPageEnabled()) pageNotFound();
  const t = await getTranslations('outbox');
  const format = await getFormatter();
  const raw = (await searchParams).to;
  const to = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 320) || undefined;
  const messages = await listOutboxMail({ to, limit: PAGE_SIZE });

  return (
    <div>
      <PageTitle lead={t('lead', { count: PAGE_SIZE })}>{t('title')}</PageTitle>
      <OutboxBanner>{t('banner')}</OutboxBanner>

      <form method="get" action="/dev/outbox" role="search" className="mb-6 space-y-3">
        <Field
          id="to"
          name="to"
          type="email"
          label={t('filter.label')}
          hint={t('filter.hint')}
          defaultValue={to ?? ''}
          autoComplete="off"
        />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton>{t('filter.submit')}</SubmitButton>
          {to ? <Link href="/dev/outbox">{t('filter.clear')}</Link> : null}
        </div>
      </form>

      <section aria-labelledby="outbox-list">
        <h2 id="outbox-list" className="mb-3 text-xl font-semibold">
          {to ? t('filteredFor', { to }) : t('latest')}
        </h2>
        {messages.length === 0 ? (
          <p className="text-muted">{to ? t('emptyFiltered') : t('empty')}</p>
        ) : (
          <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200">
            {messages.map((message) => (
              <li key={message.id} data-testid="mail-item" className="p-4">
                <Link
                  href={`/dev/outbox/${message.id}`}
                  className="text-lg font-semibold break-words"
                >
                  {message.subject}
                </Link>
                <dl className="text-muted mt-1 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="font-medium">{t('columns.to')}</dt>
                  <dd className="break-all">{message.to}</dd>
                  <dt className="font-medium">{t('columns.template')}</dt>
                  <dd>
                    <code>{message.template}</code>
                  </dd>
                  <dt className="font-medium">{t('columns.status')}</dt>
                  <dd>
                    <OutboxStatus status={message.status} label={t(`status.${message.status}`)} />
                  </dd>
                  <dt className="font-medium">{t('columns.time')}</dt>
                  <dd>
                    <time dateTime={message.createdAt.toISOString()}>
                      {format.dateTime(message.createdAt, {
                        dateStyle: 'medium',
                        timeStyle: 'medium',
                      })}
                    </time>
                  </dd>
                </dl>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
