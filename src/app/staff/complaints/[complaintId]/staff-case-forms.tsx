'use client';

import { useActionState } from 'react';
import { useFormKey } from '@/components/complaints/use-form-key';
import { useTranslations } from 'next-intl';
import { FormMessage, SubmitButton } from '@/components/ui/form';
import { initialFormState } from '@/actions/form-state';
import { changeStatusAction, staffCommentAction } from '@/actions/complaints/staff-case-actions';
import { TextAreaField } from '@/components/complaints/form-fields';

/** A reply to the resident or an internal note; keeps the text on an error. */
export function StaffCommentForm({
  complaintId,
  visibility,
  maxLength,
}: {
  complaintId: number;
  visibility: 'reply' | 'note';
  maxLength: number;
}) {
  const t = useTranslations('complaints.staff.case');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(staffCommentAction, initialFormState);
  const formKey = useFormKey(state);
  const mv = { max: maxLength, length: 0, ...state.messageValues };
  const id = `${visibility}-body`;
  return (
    <form key={formKey} action={action} className="space-y-3" noValidate>
      <input type="hidden" name="complaintId" value={complaintId} />
      <input type="hidden" name="visibility" value={visibility} />
      {state.message ? <FormMessage tone="error">{tAll(state.message, mv)}</FormMessage> : null}
      <TextAreaField
        id={id}
        name="body"
        label={t(visibility)}
        hint={t(visibility === 'reply' ? 'replyHint' : 'noteHint')}
        errors={state.fieldErrors?.body?.map((k) => tAll(k, mv))}
        focus={Boolean(state.fieldErrors?.body?.length)}
        rows={4}
        required
        defaultValue={state.values?.body ?? ''}
      />
      <SubmitButton disabled={pending}>
        {t(visibility === 'reply' ? 'replySubmit' : 'noteSubmit')}
      </SubmitButton>
    </form>
  );
}

/** Change status; closing requires the answer the resident reads. */
export function StaffStatusForm({
  complaintId,
  options,
  maxLength,
}: {
  complaintId: number;
  options: { value: string; label: string }[];
  maxLength: number;
}) {
  const t = useTranslations('complaints.staff.case');
  const tAll = useTranslations();
  const [state, action, pending] = useActionState(changeStatusAction, initialFormState);
  const formKey = useFormKey(state);
  const mv = { max: maxLength, length: 0, ...state.messageValues };
  return (
    <form key={formKey} action={action} className="space-y-3" noValidate>
      <input type="hidden" name="complaintId" value={complaintId} />
      {state.message ? <FormMessage tone="error">{tAll(state.message, mv)}</FormMessage> : null}
      <fieldset className="space-y-2">
        <legend className="font-medium">{t('statusChange')}</legend>
        <p className="text-muted text-sm">{t('statusHint')}</p>
        {options.map((o, index) => (
          <label key={o.value} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name="status"
              value={o.value}
              defaultChecked={state.values?.status ? state.values.status === o.value : index === 0}
              className="size-5"
            />
            {o.label}
          </label>
        ))}
      </fieldset>
      <TextAreaField
        id="status-body"
        name="body"
        label={t('statusText')}
        errors={state.fieldErrors?.body?.map((k) => tAll(k, mv))}
        focus={Boolean(state.fieldErrors?.body?.length)}
        rows={4}
        defaultValue={state.values?.body ?? ''}
      />
      <SubmitButton disabled={pending}>{t('statusSubmit')}</SubmitButton>
    </form>
  );
}
