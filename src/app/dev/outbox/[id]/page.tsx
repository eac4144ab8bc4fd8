import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { pageNotFound } from '@/lib/page-not-found';
import { getFormatter, getTranslations } from '@/i18n/server';
import { PageTitle } from '@/components/ui/form';
import { getOutboxMail, isOutboxPageEnabled } from '@/server/mail';
import { OutboxBanner, OutboxStatus } from '../_lib/outbox-banner';
import { splitLinks } from '../_lib/split-links';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('outbox');
  return { title: t('title'), robots: { index: false, follow: false } };
}

/** One outbox message with its full text; links in it are clickable, nothing else is HTML. */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!isOutboxPageEnabled()) pageNotFound();
  const { id } = await params;
  const message = /^\d{1,15}$/.test(id) ? await getOutboxMail(Number(id)) : null;
  if (!message) pageNotFound();
  const t = await getTranslations('outbox');
  const format = await getFormatter();
  const dateTime = (date: Date) =>
    format.dateTime(date, { dateStyle: 'medium', timeStyle: 'medium' });

  return (
    <div>
      <p className="mb-4">
        <Link href={`/dev/outbox?to=${encodeURIComponent(message.to)}`}>{t('message.back')}</Link>
      </p>
      <PageTitle>{message.subject}</PageTitle>
      <OutboxBanner>{t('banner')}</OutboxBanner>

      <section aria-labelledby="mail-details" className="mb-6">
        <h2 id="mail-details" className="sr-only">
          {t('message.details')}
        </h2>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t('columns.to')}</dt>
          <dd className="break-all" data-testid="mail-to">
            {message.to}
          </dd>
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
            <time dateTime={message.createdAt.toISOString()}>{dateTime(message.createdAt)}</time>
          </dd>
          {message.sentAt ? (
            <>
              <dt className="font-medium">{t('message.sentAt')}</dt>
              <dd>
                <time dateTime={message.sentAt.toISOString()}>{dateTime(message.sentAt)}</time>
              </dd>
            </>
          ) : null}
          <dt className="font-medium">{t('message.attempts')}</dt>
          <dd>{format.number(message.attempts)}</dd>
          {message.lastError ? (
            <>
              <dt className="font-medium">{t('message.lastError')}</dt>
              <dd className="break-all">{message.lastError}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="mail-body">
        <h2 id="mail-body" className="mb-2 text-xl font-semibold">
          {t('message.body')}
        </h2>
        <pre
          data-testid="mail-body"
          className="rounded-lg border border-slate-200 bg-slate-50 p-4 font-sans text-base break-words whitespace-pre-wrap"
        >
          {splitLinks(message.text).map((part, index) =>
            part.kind === 'link' ? (
              <a key={index} href={part.href} className="break-all">
                {part.href}
              </a>
            ) : (
              part.text
            ),
          )}
        </pre>
      </section>
    </div>
  );
}
