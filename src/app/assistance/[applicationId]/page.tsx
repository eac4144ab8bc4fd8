import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { answerInfoRequestAction } from '@/actions/assistance/answer-info-request';
import { removeDocumentAction } from '@/actions/assistance/remove-document';
import { saveApplicationAction } from '@/actions/assistance/save-application';
import { startApplicationAction } from '@/actions/assistance/start-application';
import { uploadDocumentAction } from '@/actions/assistance/upload-document';
import { withdrawApplicationAction } from '@/actions/assistance/withdraw-application';
import { ApplicationStatus } from '@/components/assistance/application-status';
import { dayDate } from '@/components/assistance/dates';
import { QuestionField } from '@/components/assistance/question-field';
import { DocumentList } from '@/components/assistance/document-list';
import { DecisionTimeline } from '@/components/assistance/decision-timeline';
import { documentRequirements } from '@/components/assistance/document-requirements';
import { parseId } from '@/components/bills/bill-dates';
import { FormMessage, PageTitle, SecondaryButton, SubmitButton } from '@/components/ui/form';
import { pageNotFound } from '@/lib/page-not-found';
import { requireUser } from '@/server/auth';
import { getApplication } from '@/server/assistance';

type TProps = {
  params: Promise<{ applicationId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('assistance');
  return { title: t('detail.metaTitle') };
}

const UPLOAD_ERRORS = ['type', 'too_large', 'too_many', 'empty', 'none', 'not_editable'];

export default async function ApplicationPage({ params, searchParams }: TProps) {
  const actor = await requireUser();
  const applicationId = parseId((await params).applicationId);
  if (applicationId === null) pageNotFound();
  const application = await getApplication({ actor, applicationId });
  if (!application) pageNotFound();
  const query = await searchParams;
  const [t, format, locale] = await Promise.all([
    getTranslations('assistance'),
    getFormatter(),
    getLocale(),
  ]);
  const zh = locale === 'zh-CN';
  const { program, status } = application;
  const day = (d: string) => format.dateTime(dayDate(d), { dateStyle: 'long' });
  const missing = new Set((query.missing ?? '').split(',').filter(Boolean));
  const firstMissing = [...missing][0];
  const uploadError = UPLOAD_ERRORS.includes(query.upload ?? '') ? query.upload : undefined;
  const draft = application.editable && status === 'draft';
  const latestRequest = [...application.decisions].reverse().find((d) => d.kind === 'request_info');
  const replyError =
    query.reply === 'answerRequired' || query.reply === 'tooLong' ? query.reply : undefined;
  const selected = new Set(application.accounts.map((a) => a.id));
  const lastTo = application.grants
    .filter((g) => !g.revoked)
    .map((g) => g.validTo)
    .sort()
    .at(-1);

  return (
    <div className="space-y-8">
      <p>
        <Link href="/assistance">← {t('detail.back')}</Link>
      </p>
      <PageTitle lead={t('detail.reference', { reference: application.reference })}>
        {zh ? program.name.zh : program.name.en}
      </PageTitle>

      {query.started ? <FormMessage tone="success">{t('detail.flash.started')}</FormMessage> : null}
      {query.saved ? <FormMessage tone="success">{t('detail.flash.saved')}</FormMessage> : null}
      {query.submitted === '1' ? (
        <FormMessage tone="success">
          {t('detail.flash.submitted', { reference: application.reference })}
        </FormMessage>
      ) : null}
      {query.submitted === 'again' ? (
        <FormMessage tone="info">{t('detail.flash.submittedAgain')}</FormMessage>
      ) : null}
      {query.answered ? (
        <FormMessage tone="success">{t('detail.flash.answered')}</FormMessage>
      ) : null}
      {query.uploaded ? (
        <FormMessage tone="success">
          {t('detail.flash.uploaded', { count: Number(query.uploaded) || 1 })}
        </FormMessage>
      ) : null}
      {query.removed ? <FormMessage tone="success">{t('detail.flash.removed')}</FormMessage> : null}
      {query.withdrawn ? (
        <FormMessage tone="success">{t('detail.flash.withdrawn')}</FormMessage>
      ) : null}
      {query.error === 'not_editable' ? (
        <FormMessage tone="error">{t('errors.notEditable')}</FormMessage>
      ) : null}
      {missing.size > 0 ? <FormMessage tone="error">{t('errors.incomplete')}</FormMessage> : null}

      <section
        aria-labelledby="status-heading"
        className="space-y-2 rounded-xl border border-slate-200 bg-white p-5"
      >
        <h2 id="status-heading" className="text-xl font-semibold">
          {t('detail.statusHeading')}{' '}
          <ApplicationStatus status={status} label={t(`status.${status}`)} />
        </h2>
        <p>
          {status === 'approved' && lastTo
            ? t('statusText.approvedUntil', { date: day(lastTo) })
            : t(`statusText.${status}`)}
        </p>
        {application.filedBy ? (
          <p className="text-muted">{t('detail.filedBy', { name: application.filedBy.name })}</p>
        ) : null}
        {application.household ? (
          <p className="text-muted">
            {t('detail.household', {
              holder: application.household.holderName,
              phone: application.household.contactPhone,
            })}
          </p>
        ) : null}
        {application.renewal === 'own' ? (
          <form action={startApplicationAction} className="pt-2">
            <input type="hidden" name="programId" value={program.id} />
            <input type="hidden" name="renewsApplicationId" value={application.id} />
            <p className="mb-2">{t('detail.renewHint')}</p>
            <SubmitButton>{t('detail.renew')}</SubmitButton>
          </form>
        ) : null}
        {application.renewal === 'for_household' ? (
          <div className="pt-2">
            <p className="mb-2">{t('detail.renewHint')}</p>
            <Link href={`/assistance/${application.id}/renew`} className="btn-primary">
              {t('detail.renew')}
            </Link>
          </div>
        ) : null}
        {application.renewedByApplicationId ? (
          <p>
            <Link href={`/assistance/${application.renewedByApplicationId}`}>
              {t('detail.renewedBy')}
            </Link>
          </p>
        ) : null}
      </section>

      {status === 'info_requested' && latestRequest && application.editable ? (
        <section aria-labelledby="reply-heading" className="max-w-2xl space-y-3">
          <h2 id="reply-heading" className="text-xl font-semibold">
            {t('reply.heading')}
          </h2>
          <blockquote className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-3">
            {latestRequest.message}
          </blockquote>
          <form action={answerInfoRequestAction} className="space-y-3">
            <input type="hidden" name="applicationId" value={application.id} />
            <div className="space-y-1">
              <label htmlFor="message" className="block font-medium">
                {t('reply.label')}
              </label>
              <p id="message-hint" className="text-muted text-sm">
                {t('reply.hint')}
              </p>
              {replyError ? (
                <p id="message-error" className="text-danger text-sm font-medium">
                  {t(`errors.${replyError}`)}
                </p>
              ) : null}
              <textarea
                id="message"
                name="message"
                rows={4}
                maxLength={2000}
                required
                autoFocus={Boolean(replyError)}
                aria-invalid={replyError ? true : undefined}
                aria-describedby={replyError ? 'message-hint message-error' : 'message-hint'}
                className="block w-full max-w-xl rounded-md border border-slate-400 px-3 py-2"
              />
            </div>
            <SubmitButton>{t('reply.submit')}</SubmitButton>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="documents-heading" className="max-w-2xl space-y-4">
        <h2 id="documents-heading" className="text-xl font-semibold">
          {t('documents.heading')}
        </h2>
        {application.documentsPurgedAt ? (
          <p className="text-muted">{t('documents.purged')}</p>
        ) : (
          <p className="text-muted">{t('documents.privacy')}</p>
        )}
        {documentRequirements(application, {
          other: t('documents.other'),
          consentForm: t('documents.consentForm'),
        }).map((requirement) => {
          const files = application.documents.filter(
            (d) => d.requirement === requirement.id && !d.deleted,
          );
          if (!application.editable && files.length === 0) return null;
          const field = `doc_${requirement.id}`;
          const fieldError =
            query.req === requirement.id && uploadError
              ? t(`errors.upload.${uploadError}`)
              : missing.has(field)
                ? t('errors.documentRequired')
                : undefined;
          const inputId = `file-${requirement.id}`;
          return (
            <div
              key={requirement.id}
              className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
            >
              <h3 className="font-semibold">
                {zh ? requirement.labelZh : requirement.labelEn}
                {requirement.required ? (
                  <span className="text-muted ml-2 text-sm font-normal">
                    {t('documents.required')}
                  </span>
                ) : null}
              </h3>
              <DocumentList
                applicationId={application.id}
                documents={files}
                removeAction={application.editable ? removeDocumentAction : null}
              />
              {application.editable ? (
                <form action={uploadDocumentAction} className="space-y-2">
                  <input type="hidden" name="applicationId" value={application.id} />
                  <input type="hidden" name="requirement" value={requirement.id} />
                  <label htmlFor={inputId} className="block font-medium">
                    {t('documents.choose')}
                  </label>
                  <p id={`${inputId}-hint`} className="text-muted text-sm">
                    {t('documents.hint')}
                  </p>
                  {fieldError ? (
                    <p id={`${inputId}-error`} className="text-danger text-sm font-medium">
                      {fieldError}
                    </p>
                  ) : null}
                  <input
                    id={inputId}
                    type="file"
                    name="file"
                    multiple
                    accept="image/jpeg,image/png,application/pdf"
                    autoFocus={
                      Boolean(fieldError) &&
                      (query.req === requirement.id || firstMissing === field)
                    }
                    aria-invalid={fieldError ? true : undefined}
                    aria-describedby={
                      fieldError ? `${inputId}-hint ${inputId}-error` : `${inputId}-hint`
                    }
                    className="block min-h-11 w-full"
                  />
                  <SecondaryButton>{t('documents.upload')}</SecondaryButton>
                </form>
              ) : null}
            </div>
          );
        })}
      </section>

      {draft ? (
        <section aria-labelledby="form-heading" className="max-w-2xl space-y-5">
          <h2 id="form-heading" className="text-xl font-semibold">
            {t('form.heading')}
          </h2>
          <p>{t('form.lead')}</p>
          <form id="application-form" action={saveApplicationAction} className="space-y-6">
            <input type="hidden" name="applicationId" value={application.id} />
            <fieldset
              className="space-y-2"
              aria-describedby={missing.has('accounts') ? 'accounts-error' : undefined}
            >
              <legend className="font-medium">{t('form.accounts')}</legend>
              {missing.has('accounts') ? (
                <p id="accounts-error" className="text-danger text-sm font-medium">
                  {t('errors.noAccounts')}
                </p>
              ) : null}
              {application.applicantAccounts.map((account, index) => (
                <label key={account.id} className="flex min-h-11 items-center gap-3">
                  <input
                    type="checkbox"
                    name="accountIds"
                    value={account.id}
                    defaultChecked={selected.has(account.id)}
                    autoFocus={firstMissing === 'accounts' && index === 0}
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
            {program.questions.map((question) => (
              <QuestionField
                key={question.id}
                question={question}
                value={application.answers[question.id] ?? ''}
                error={
                  missing.has(`q_${question.id}`)
                    ? t(
                        question.kind === 'number' && application.answers[question.id]
                          ? 'errors.answerNumber'
                          : 'errors.answerRequired',
                      )
                    : undefined
                }
                focus={firstMissing === `q_${question.id}`}
              />
            ))}
            <SecondaryButton name="intent" value="save">
              {t('form.save')}
            </SecondaryButton>
          </form>
        </section>
      ) : (
        <section aria-labelledby="answers-heading" className="max-w-2xl space-y-3">
          <h2 id="answers-heading" className="text-xl font-semibold">
            {t('detail.answers')}
          </h2>
          <ul className="space-y-1">
            {application.accounts.map((account) => (
              <li key={account.id}>
                {t('accountLabel', {
                  utility: t(`utility.${account.utility}`),
                  number: account.accountNumber,
                  address: zh ? account.address.zh : account.address.en,
                })}
              </li>
            ))}
          </ul>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
            {program.questions.map((q) => (
              <div key={q.id} className="contents">
                <dt className="text-muted">{zh ? q.labelZh : q.labelEn}</dt>
                <dd>{answerText(q, application.answers[q.id], zh, t)}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {draft ? (
        <section aria-labelledby="submit-heading" className="max-w-2xl space-y-3">
          <h2 id="submit-heading" className="text-xl font-semibold">
            {t('form.submitHeading')}
          </h2>
          <p>{t('form.submitHint')}</p>
          <SubmitButton form="application-form" name="intent" value="submit">
            {t('form.submit')}
          </SubmitButton>
        </section>
      ) : null}

      {application.editable || status === 'submitted' ? (
        <section aria-labelledby="withdraw-heading" className="max-w-2xl space-y-2">
          <h2 id="withdraw-heading" className="text-lg font-semibold">
            {t('withdraw.heading')}
          </h2>
          <p>{t('withdraw.hint')}</p>
          <form action={withdrawApplicationAction}>
            <input type="hidden" name="applicationId" value={application.id} />
            <SecondaryButton>{t('withdraw.submit')}</SecondaryButton>
          </form>
        </section>
      ) : null}

      <DecisionTimeline application={application} staff={false} />
    </div>
  );
}

function answerText(
  question: { kind: string; choices?: { value: string; labelZh: string; labelEn: string }[] },
  value: string | undefined,
  zh: boolean,
  t: (key: string) => string,
): string {
  if (value === undefined || value === '') return t('detail.noAnswer');
  if (question.kind === 'yes_no') return t(value === 'yes' ? 'form.yes' : 'form.no');
  if (question.kind === 'choice') {
    const choice = question.choices?.find((c) => c.value === value);
    return choice ? (zh ? choice.labelZh : choice.labelEn) : value;
  }
  return value;
}
