import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { getFormatter, getLocale, getTranslations } from '@/i18n/server';
import { decideApplicationAction } from '@/actions/assistance/decide-application';
import { ApplicationStatus } from '@/components/assistance/application-status';
import { dayDate, waitingParts } from '@/components/assistance/dates';
import { DecisionTimeline } from '@/components/assistance/decision-timeline';
import { documentRequirements } from '@/components/assistance/document-requirements';
import { DocumentList } from '@/components/assistance/document-list';
import { parseId } from '@/components/bills/bill-dates';
import { Field, FormMessage, PageTitle, SelectField, SubmitButton } from '@/components/ui/form';
import { pageNotFound } from '@/lib/page-not-found';
import { can, requirePermission } from '@/server/auth';
import { getApplicationForReview, monthAfter, REJECTION_REASONS } from '@/server/assistance';
import { todayInShanghai } from '@/server/billing/today-in-shanghai';

type TProps = {
  params: Promise<{ applicationId: string }>;
  searchParams: Promise<{
    error?: string;
    form?: string;
    decided?: string;
    /** allowance_overlap: the other allowance's reference and validity. */
    overlap?: string;
    overlapFrom?: string;
    overlapTo?: string;
  }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('assistance');
  return { title: t('review.metaTitle') };
}

const ERRORS = [
  'month',
  'months',
  'reason',
  'infoMessage',
  'tooLong',
  'overrideReason',
  'already_decided',
  'own_household',
  'bad_validity',
  'not_overridable',
  'override_reason_required',
  'allowance_overlap',
] as const;

export default async function ReviewApplicationPage({ params, searchParams }: TProps) {
  const actor = await requirePermission('review:assistance:any');
  const applicationId = parseId((await params).applicationId);
  if (applicationId === null) pageNotFound();
  const application = await getApplicationForReview({ actor, applicationId });
  if (!application) pageNotFound();
  const query = await searchParams;
  const [t, format, locale] = await Promise.all([
    getTranslations('assistance'),
    getFormatter(),
    getLocale(),
  ]);
  const zh = locale === 'zh-CN';
  const { program, status } = application;
  const error = ERRORS.find((e) => e === query.error);
  const errorFor = (form: string) =>
    error && query.form === form ? t(`errors.review.${error}`) : undefined;
  const day = (d: string) => format.dateTime(dayDate(d), { dateStyle: 'long' });
  const open = status === 'submitted' || status === 'info_requested';
  const decided = status === 'approved' || status === 'rejected';
  // A renewal continues the month after the grant it renews; otherwise this month.
  const previousTo = application.renewsValidTo;
  const defaultFrom = previousTo ? monthAfter(previousTo) : todayInShanghai().slice(0, 7);
  const mayOverride = can(actor.role, 'override:assistance:any');
  const waiting = application.waitingSeconds;

  return (
    <div className="space-y-8">
      <p>
        <Link href="/staff/assistance">← {t('review.back')}</Link>
      </p>
      <PageTitle lead={t('detail.reference', { reference: application.reference })}>
        {t('review.title', {
          program: zh ? program.name.zh : program.name.en,
          name: application.applicant.name,
        })}
      </PageTitle>
      {query.decided ? <FormMessage tone="success">{t('review.decided')}</FormMessage> : null}
      {error && !query.form ? (
        <FormMessage tone="error">{t(`errors.review.${error}`)}</FormMessage>
      ) : null}

      <section
        aria-labelledby="facts-heading"
        className="space-y-2 rounded-xl border border-slate-200 bg-white p-5"
      >
        <h2 id="facts-heading" className="text-xl font-semibold">
          {t('detail.statusHeading')}{' '}
          <ApplicationStatus status={status} label={t(`status.${status}`)} />
        </h2>
        {waiting !== null ? <p>{t('review.waiting', waitingParts(waiting))}</p> : null}
        {application.filedBy && application.consent ? (
          <p>
            {t('review.consent', {
              officer: application.filedBy.name,
              method: t(`consent.${application.consent.method}`),
              date: day(application.consent.givenOn),
            })}
            {application.consent.note ? ` ${application.consent.note}` : ''}
          </p>
        ) : null}
        {application.household && application.filedBy && application.consent ? (
          <p>
            {t('review.household', {
              officer: application.filedBy.name,
              recordedAt: format.dateTime(application.consent.recordedAt, {
                dateStyle: 'long',
                timeStyle: 'short',
              }),
              holder: application.household.holderName,
              phone: application.household.contactPhone,
            })}
          </p>
        ) : null}
        {application.renewsApplicationId ? (
          <p>{t('review.renewal', { date: previousTo ? day(previousTo) : '—' })}</p>
        ) : null}
        {application.ownHousehold ? (
          <FormMessage tone="info">{t('errors.review.own_household')}</FormMessage>
        ) : null}
      </section>

      <section aria-labelledby="answers-heading" className="max-w-3xl space-y-3">
        <h2 id="answers-heading" className="text-xl font-semibold">
          {t('detail.answers')}
        </h2>
        <ul className="space-y-1">
          {application.accounts.map((account) => (
            <li key={account.id}>
              <Link href={`/staff/accounts/${account.id}`}>
                {t('accountLabel', {
                  utility: t(`utility.${account.utility}`),
                  number: account.accountNumber,
                  address: zh ? account.address.zh : account.address.en,
                })}
              </Link>
            </li>
          ))}
        </ul>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          {program.questions.map((q) => {
            const value = application.answers[q.id];
            const shown =
              value === undefined || value === ''
                ? t('detail.noAnswer')
                : q.kind === 'yes_no'
                  ? t(value === 'yes' ? 'form.yes' : 'form.no')
                  : q.kind === 'choice'
                    ? ((c) => (c ? (zh ? c.labelZh : c.labelEn) : value))(
                        q.choices?.find((c) => c.value === value),
                      )
                    : value;
            return (
              <div key={q.id} className="contents">
                <dt className="text-muted">{zh ? q.labelZh : q.labelEn}</dt>
                <dd>{shown}</dd>
              </div>
            );
          })}
        </dl>
      </section>

      <section aria-labelledby="documents-heading" className="max-w-3xl space-y-4">
        <h2 id="documents-heading" className="text-xl font-semibold">
          {t('documents.heading')}
        </h2>
        <p className="text-muted">{t('review.documentsAudited')}</p>
        {application.documentsPurgedAt ? <p>{t('documents.purged')}</p> : null}
        {documentRequirements(application, {
          other: t('documents.other'),
          consentForm: t('documents.consentForm'),
        }).map((requirement) => {
          const files = application.documents.filter(
            (d) => d.requirement === requirement.id && !d.deleted,
          );
          if (files.length === 0 && !requirement.required) return null;
          return (
            <div
              key={requirement.id}
              className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
            >
              <h3 className="font-semibold">{zh ? requirement.labelZh : requirement.labelEn}</h3>
              <DocumentList
                applicationId={application.id}
                documents={files}
                removeAction={null}
                inline
              />
            </div>
          );
        })}
      </section>

      {open && !application.ownHousehold ? (
        <section aria-labelledby="decide-heading" className="max-w-2xl space-y-6">
          <h2 id="decide-heading" className="text-xl font-semibold">
            {t('review.decide')}
          </h2>
          {query.error === 'already_decided' ? (
            <FormMessage tone="error">{t('errors.review.already_decided')}</FormMessage>
          ) : null}
          <DecisionForm kind="approve" applicationId={application.id} title={t('review.approve')}>
            <Field
              id="fromMonth"
              type="month"
              label={t('review.fromMonth')}
              hint={t('review.fromMonthHint')}
              defaultValue={defaultFrom}
              pattern="\d{4}-\d{2}"
              required
              errors={
                query.form === 'approve' && error === 'allowance_overlap'
                  ? [
                      t('errors.review.allowance_overlap', {
                        reference: (query.overlap ?? '').slice(0, 40),
                        from: isDay(query.overlapFrom) ? day(query.overlapFrom) : '',
                        to: isDay(query.overlapTo) ? day(query.overlapTo) : '',
                      }),
                    ]
                  : query.form === 'approve' && (error === 'month' || error === 'bad_validity')
                    ? [t(`errors.review.${error}`)]
                    : undefined
              }
              focus={
                query.form === 'approve' &&
                (error === 'month' || error === 'bad_validity' || error === 'allowance_overlap')
              }
            />
            <Field
              id="months"
              type="number"
              min={1}
              max={60}
              label={t('review.months')}
              defaultValue={String(program.defaultValidityMonths)}
              required
              errors={
                query.form === 'approve' && error === 'months'
                  ? [t('errors.review.months')]
                  : undefined
              }
              focus={query.form === 'approve' && error === 'months'}
            />
            <SubmitButton>{t('review.approveSubmit')}</SubmitButton>
          </DecisionForm>

          {status === 'submitted' ? (
            <DecisionForm
              kind="request_info"
              applicationId={application.id}
              title={t('review.requestInfo')}
            >
              <TextArea
                id="info-message"
                name="message"
                label={t('review.infoMessage')}
                hint={t('review.infoMessageHint')}
                error={errorFor('request_info')}
              />
              <SubmitButton>{t('review.requestInfoSubmit')}</SubmitButton>
            </DecisionForm>
          ) : null}

          <DecisionForm kind="reject" applicationId={application.id} title={t('review.reject')}>
            <SelectField
              id="reasonCode"
              label={t('review.reason')}
              options={[
                { value: '', label: t('form.choose') },
                ...REJECTION_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) })),
              ]}
              required
              errors={
                query.form === 'reject' && error === 'reason'
                  ? [t('errors.review.reason')]
                  : undefined
              }
              focus={query.form === 'reject' && error === 'reason'}
            />
            <TextArea
              id="reject-message"
              name="message"
              label={t('review.rejectMessage')}
              hint={t('review.rejectMessageHint')}
              error={
                query.form === 'reject' && error === 'tooLong'
                  ? t('errors.review.tooLong')
                  : undefined
              }
            />
            <SubmitButton>{t('review.rejectSubmit')}</SubmitButton>
          </DecisionForm>
        </section>
      ) : null}

      {decided && mayOverride && !application.ownHousehold ? (
        <section aria-labelledby="override-heading" className="max-w-2xl space-y-4">
          <h2 id="override-heading" className="text-xl font-semibold">
            {t('review.override')}
          </h2>
          <p>{t(status === 'approved' ? 'review.overrideToReject' : 'review.overrideToApprove')}</p>
          <form
            action={decideApplicationAction}
            className="space-y-4 rounded-lg border border-slate-200 p-4"
          >
            <input type="hidden" name="applicationId" value={application.id} />
            <input type="hidden" name="override" value="1" />
            <input type="hidden" name="kind" value={status === 'approved' ? 'reject' : 'approve'} />
            {status === 'approved' ? (
              <SelectField
                id="override-reasonCode"
                name="reasonCode"
                label={t('review.reason')}
                options={REJECTION_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
              />
            ) : (
              <>
                <Field
                  id="override-fromMonth"
                  name="fromMonth"
                  type="month"
                  label={t('review.fromMonth')}
                  defaultValue={defaultFrom}
                  required
                />
                <Field
                  id="override-months"
                  name="months"
                  type="number"
                  min={1}
                  max={60}
                  label={t('review.months')}
                  defaultValue={String(program.defaultValidityMonths)}
                  required
                />
              </>
            )}
            <TextArea
              id="overrideReason"
              name="overrideReason"
              label={t('review.overrideReason')}
              hint={t('review.overrideReasonHint')}
              error={errorFor('override')}
            />
            <SubmitButton>{t('review.overrideSubmit')}</SubmitButton>
          </form>
        </section>
      ) : null}

      <DecisionTimeline application={application} staff />
    </div>
  );
}

function TextArea({
  id,
  name,
  label,
  hint,
  error,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-muted text-sm">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-danger text-sm font-medium">
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={3}
        maxLength={2000}
        autoFocus={Boolean(error)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="block w-full max-w-xl rounded-md border border-slate-400 px-3 py-2"
      />
    </div>
  );
}

/** One decision form: its heading names it, and it posts the application id and the decision kind. */
function DecisionForm({
  kind,
  applicationId,
  title,
  children,
}: {
  kind: 'approve' | 'request_info' | 'reject';
  applicationId: number;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <form
      action={decideApplicationAction}
      className="space-y-4 rounded-lg border border-slate-200 p-4"
      aria-labelledby={`${kind}-heading`}
    >
      <h3 id={`${kind}-heading`} className="text-lg font-semibold">
        {title}
      </h3>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="kind" value={kind} />
      {children}
    </form>
  );
}

/** A YYYY-MM-DD day from the query string (anything else is not shown). */
function isDay(value: string | undefined): value is string {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value);
}
