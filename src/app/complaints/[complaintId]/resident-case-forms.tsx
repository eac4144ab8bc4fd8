'use client';

import { useActionState } from 'react';
import { useFormKey } from '@/components/complaints/use-form-key';
import { useTranslations } from 'next-intl';
import { FormMessage, SecondaryButton, SubmitButton } from '@/components/ui/form';
import { initialFormState } from '@/actions/form-state';
import { rateComplaintAction, residentReplyAction } from '@/actions/complaints/case-actions';
import { AttachmentsField, TextAreaField } from '@/components/complaints/form-fields';

/**
 * Add information to an open case — or, on a closed one, the same text with an offer to reopen
 * it (once). Works without JavaScript; the text typed is kept on every error.
 */
export function ResidentReplyForm({
  complaintId,
  closed,
  canReopen,
  maxLength,
  maxFiles,
}: {
  complaintId: number;
  closed: boolean;
  canReopen: boolean;
  maxLength: number;
  maxFiles: number;
}) {
  const t = useTranslations('complaints');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(residentReplyAction, initialFormState);
  const formKey = useFormKey(state);
  const errors = state.fieldErrors ?? {};
  const mv = { max: maxLength, length: 0, name: '', limit: maxFiles, ...state.messageValues };
  const offerReopen = closed ? canReopen : state.message === 'complaints.errors.closed';
  const firstError = ['body', 'attachments'].find((f) => errors[f]?.length);
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="complaintId" value={complaintId} />
      {state.message ? <FormMessage tone="error">{tAll(state.message, mv)}</FormMessage> : null}
      <TextAreaField
        id="body"
        label={offerReopen ? t('detail.reopenText') : t('detail.reply')}
        hint={t('detail.replyHint', { max: maxLength })}
        errors={errors.body?.map((k) => tAll(k, mv))}
        focus={firstError === 'body' || Boolean(state.message)}
        rows={4}
        required
        defaultValue={state.values?.body ?? ''}
      />
      {offerReopen ? (
        <SecondaryButton name="intent" value="reopen" disabled={pending}>
          {t('detail.reopenSubmit')}
        </SecondaryButton>
      ) : (
        <>
          <AttachmentsField
            label={t('new.attachments')}
            hint={t('new.attachmentsHint', { max: maxFiles })}
            errors={errors.attachments?.map((k) => tAll(k, mv))}
            focus={firstError === 'attachments'}
          />
          <SubmitButton name="intent" value="reply" disabled={pending}>
            {t('detail.replySubmit')}
          </SubmitButton>
        </>
      )}
    </form>
  );
}

/** The 1–5 rating with an optional comment; radio buttons, no script needed. */
export function RateForm({ complaintId, commentMax }: { complaintId: number; commentMax: number }) {
  const t = useTranslations('complaints');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(rateComplaintAction, initialFormState);
  const formKey = useFormKey(state);
  const errors = state.fieldErrors ?? {};
  const mv = { max: commentMax, ...state.messageValues };
  const ratingError = errors.rating?.map((k) => tAll(k, mv)).join(' ');
  return (
    <form key={formKey} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="complaintId" value={complaintId} />
      {state.message ? <FormMessage tone="error">{tAll(state.message, mv)}</FormMessage> : null}
      <fieldset aria-describedby={ratingError ? 'rating-error' : undefined} className="space-y-2">
        <legend className="font-medium">{t('detail.rate.legend')}</legend>
        {ratingError ? (
          <p id="rating-error" className="text-danger text-sm font-medium">
            {ratingError}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          {(['1', '2', '3', '4', '5'] as const).map((value, index) => (
            <label
              key={value}
              className="flex min-h-12 items-center gap-2 rounded-md border border-slate-400 px-3"
            >
              <input
                type="radio"
                name="rating"
                value={value}
                defaultChecked={state.values?.rating === value}
                autoFocus={Boolean(ratingError) && index === 0}
                className="size-5"
              />
              <span>
                <span aria-hidden="true">{'★'.repeat(Number(value))}</span>{' '}
                {t('detail.rate.star', { count: Number(value) })} ·{' '}
                {t(`detail.rate.starLabel.${value}`)}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextAreaField
        id="comment"
        label={t('detail.rate.comment')}
        errors={errors.comment?.map((k) => tAll(k, mv))}
        focus={Boolean(errors.comment?.length) && !ratingError}
        rows={3}
        maxLength={commentMax}
        defaultValue={state.values?.comment ?? ''}
      />
      <SubmitButton disabled={pending}>{t('detail.rate.submit')}</SubmitButton>
    </form>
  );
}
