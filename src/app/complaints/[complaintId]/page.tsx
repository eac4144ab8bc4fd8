import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getLocale, getTranslations } from '@/i18n/server';
import { FormMessage, PageTitle } from '@/components/ui/form';
import { ClientMessages } from '@/components/i18n/client-messages';
import { DeadlineCountdown } from '@/components/complaints/deadline-countdown';
import { CaseTimeline } from '@/components/complaints/case-timeline';
import { pageNotFound } from '@/lib/page-not-found';
import { env } from '@/env';
import { requireUser } from '@/server/auth';
import {
  getComplaint,
  MAX_ATTACHMENTS,
  MAX_DESCRIPTION_LENGTH,
  MAX_RATING_COMMENT_LENGTH,
} from '@/server/complaints';
import { RateForm, ResidentReplyForm } from './resident-case-forms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('complaints');
  return { title: t('detail.metaTitle') };
}

type TProps = {
  params: Promise<{ complaintId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export default async function ComplaintPage({ params, searchParams }: TProps) {
  const actor = await requireUser();
  const raw = (await params).complaintId;
  if (!/^\d{1,9}$/.test(raw)) pageNotFound();
  const complaint = await getComplaint({ actor, complaintId: Number(raw) });
  if (!complaint) pageNotFound();
  const query = await searchParams;
  const [t, locale] = await Promise.all([getTranslations('complaints'), getLocale()]);
  const zh = locale === 'zh-CN';
  const now = new Date();
  const closed = complaint.status === 'closed';
  const c = complaint;
  return (
    <div className="space-y-8">
      <p>
        <Link href="/complaints">← {t('detail.back')}</Link>
      </p>
      {query.filed ? (
        <section
          aria-labelledby="received-heading"
          className="border-success space-y-2 rounded-xl border-2 bg-green-50 p-5"
        >
          <h2 id="received-heading" className="text-xl font-bold">
            {t('received.title')}
          </h2>
          <p>
            {t('received.reference')}:{' '}
            <strong className="font-mono text-2xl" data-testid="reference">
              {c.reference}
            </strong>
          </p>
          <p className="font-semibold">
            {t(`deadline.answer.${c.category}`)} · {t('deadline.dueAt', { due: c.answerDueAt })}
          </p>
          <p>{t('received.keep')}</p>
          <p>{t('received.mail')}</p>
        </section>
      ) : null}
      {query.replied ? <FormMessage tone="success">{t('detail.replied')}</FormMessage> : null}
      {query.reopened ? <FormMessage tone="success">{t('detail.reopened')}</FormMessage> : null}
      {query.rated ? (
        <FormMessage tone="success">
          {query.rated === 'reopened' ? t('detail.rate.thanksReopened') : t('detail.rate.thanks')}
        </FormMessage>
      ) : null}

      <PageTitle lead={t('detail.filedAt', { at: c.createdAt })}>
        {t('detail.title', { category: t(`category.${c.category}`), reference: c.reference })}
      </PageTitle>

      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="text-muted">{t('detail.status')}</dt>
        <dd className="font-semibold" data-testid="status">
          {t(`status.${c.status}`)}
        </dd>
        <dt className="text-muted">{t('list.category')}</dt>
        <dd>
          {t(`category.${c.category}`)} · {t(`subType.${c.subType as 'other'}`)}
        </dd>
        <dt className="text-muted">{t('detail.department')}</dt>
        <dd>{t(`department.${c.department}`)}</dd>
        {c.account ? (
          <>
            <dt className="text-muted">{t('detail.account')}</dt>
            <dd>
              {c.account.accountNumber} · {zh ? c.account.address.zh : c.account.address.en}
            </dd>
          </>
        ) : null}
        {c.location ? (
          <>
            <dt className="text-muted">{t('detail.location')}</dt>
            <dd className="whitespace-pre-wrap">{c.location}</dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="commitments-heading" className="space-y-3">
        <h2 id="commitments-heading" className="text-xl font-semibold">
          {t('detail.commitments')}
        </h2>
        {c.escalated ? <FormMessage tone="info">{t('deadline.escalated')}</FormMessage> : null}
        <div className="grid gap-3 sm:grid-cols-2">
          {c.firstResponseDueAt ? (
            <DeadlineCountdown
              label={t(`deadline.firstResponse.${c.category}`)}
              due={c.firstResponseDueAt}
              doneAt={c.firstRespondedAt}
              now={now}
              closed={closed}
            />
          ) : null}
          <DeadlineCountdown
            label={t(`deadline.answer.${c.category}`)}
            due={c.answerDueAt}
            doneAt={c.closedAt}
            now={now}
            closed={closed}
          />
        </div>
      </section>

      <section aria-labelledby="description-heading" className="space-y-2">
        <h2 id="description-heading" className="text-xl font-semibold">
          {t('detail.description')}
        </h2>
        <p className="max-w-prose whitespace-pre-wrap" data-testid="description">
          {c.description}
        </p>
      </section>

      {c.canRate ? (
        <section
          aria-labelledby="rate-heading"
          className="space-y-3 rounded-xl border-2 border-amber-500 p-5"
        >
          <h2 id="rate-heading" className="text-xl font-semibold">
            {t('detail.rate.title')}
          </h2>
          <p className="max-w-prose">{t('detail.rate.lead')}</p>
          <ClientMessages namespaces={['complaints']}>
            <RateForm complaintId={c.id} commentMax={MAX_RATING_COMMENT_LENGTH} />
          </ClientMessages>
        </section>
      ) : c.rating !== null ? (
        <p className="font-semibold">{t('detail.rate.yours', { rating: c.rating })}</p>
      ) : null}

      <section aria-labelledby="timeline-heading" id="timeline" className="space-y-3">
        <h2 id="timeline-heading" className="text-xl font-semibold">
          {t('detail.timeline')}
        </h2>
        <CaseTimeline
          complaintId={c.id}
          category={c.category}
          events={c.events}
          audience="resident"
        />
      </section>

      <section aria-labelledby="reply-heading" className="max-w-2xl space-y-3">
        <h2 id="reply-heading" className="text-xl font-semibold">
          {closed ? t('detail.closedTitle') : t('detail.reply')}
        </h2>
        {closed ? (
          <p className="max-w-prose">
            {c.canReopen
              ? t('detail.closedReopen')
              : t('detail.cannotReopen', {
                  water: env.HOTLINE_WATER,
                  electricity: env.HOTLINE_ELECTRICITY,
                })}
          </p>
        ) : null}
        {!closed || c.canReopen ? (
          <ClientMessages namespaces={['complaints']}>
            <ResidentReplyForm
              complaintId={c.id}
              closed={closed}
              canReopen={c.canReopen}
              maxLength={MAX_DESCRIPTION_LENGTH}
              maxFiles={MAX_ATTACHMENTS}
            />
          </ClientMessages>
        ) : null}
      </section>
    </div>
  );
}
