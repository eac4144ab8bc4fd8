'use client';

import { useActionState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import {
  Field,
  FormMessage,
  SecondaryButton,
  SelectField,
  SubmitButton,
} from '@/components/ui/form';
import { initialFormState } from '@/actions/form-state';
import { saveNoticeAction } from '@/actions/notices/save-notice';
import { reviseNoticeAction } from '@/actions/notices/revise-notice';
import {
  NOTICE_BODY_MAX,
  NOTICE_FORM_FIELDS,
  NOTICE_FORM_KINDS,
  NOTICE_REASON_MAX,
  NOTICE_TITLE_MAX,
} from '@/actions/notices/save-notice.schema';

export type TNoticeFormDefaults = Record<string, string>;

/**
 * The notice form: new, edit draft, or revise a published notice (`mode="revise"`: kind and
 * utility are fixed, a reason for residents is asked, one button saves and tells them). Works
 * without JavaScript: React posts it to the action and renders the returned state; errors sit
 * beside their fields and the first takes focus.
 */
export function NoticeForm({
  defaults,
  districts,
  mode = 'write',
}: {
  defaults: TNoticeFormDefaults;
  districts: { id: number; label: string }[];
  mode?: 'write' | 'revise';
}) {
  const t = useTranslations('notices');
  const revising = mode === 'revise';
  const [state, action, pending] = useActionState(
    revising ? reviseNoticeAction : saveNoticeAction,
    initialFormState,
  );
  const errors = state.fieldErrors ?? {};
  const firstError = NOTICE_FORM_FIELDS.find((f) => errors[f]?.length);
  const submitted = state.values !== undefined;
  const value = (name: string) => state.values?.[name] ?? (submitted ? '' : (defaults[name] ?? ''));
  // Keys arrive as 'notices.errors.x'; this translator is scoped to the namespace.
  const messages = (name: string) =>
    errors[name]?.map((key) => t(key.replace(/^notices\./, ''), state.messageValues ?? {}));
  const ticked = new Set(value('districtIds').split(',').filter(Boolean));
  const field = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      id={name}
      label={label}
      errors={messages(name)}
      focus={firstError === name}
      defaultValue={value(name)}
      {...extra}
    />
  );
  const whereErrors = [...(messages('targets') ?? []), ...(messages('districtIds') ?? [])];

  return (
    <form action={action} className="space-y-8" noValidate>
      {firstError ? <FormMessage tone="error">{t('staff.form.fixErrors')}</FormMessage> : null}
      {state.message ? (
        <FormMessage tone="error">{t(state.message.replace(/^notices\./, ''))}</FormMessage>
      ) : null}
      <input type="hidden" name="noticeId" value={defaults.noticeId ?? ''} />

      <Fieldset legend={t('staff.form.what')}>
        {revising ? (
          <p>
            <span className="font-medium">{t('staff.form.kind')}</span>
            {': '}
            {t(`kind.${defaults.kind ?? 'works'}`)} · {t(`utility.${defaults.utility ?? 'water'}`)}
            <span className="text-muted block text-sm">{t('staff.revise.kindFixed')}</span>
          </p>
        ) : (
          <>
            <SelectField
              id="kind"
              label={t('staff.form.kind')}
              hint={t('staff.form.kindHint')}
              defaultValue={value('kind')}
              errors={messages('kind')}
              focus={firstError === 'kind'}
              options={NOTICE_FORM_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
            <SelectField
              id="utility"
              label={t('staff.form.utility')}
              hint={t('staff.form.utilityHint')}
              defaultValue={value('utility')}
              errors={messages('utility')}
              focus={firstError === 'utility'}
              options={[
                { value: 'water', label: t('utility.water') },
                { value: 'electricity', label: t('utility.electricity') },
              ]}
            />
          </>
        )}
        {field('titleZh', t('staff.form.titleZh'), {
          hint: t('staff.form.titleZhHint'),
          lang: 'zh-CN',
          maxLength: NOTICE_TITLE_MAX,
          required: true,
          autoComplete: 'off',
        })}
        {field('titleEn', t('staff.form.titleEn'), {
          hint: t('staff.form.titleEnHint'),
          lang: 'en',
          maxLength: NOTICE_TITLE_MAX,
          autoComplete: 'off',
        })}
        <TextArea
          id="bodyZh"
          label={t('staff.form.bodyZh')}
          hint={t('staff.form.bodyZhHint')}
          lang="zh-CN"
          defaultValue={value('bodyZh')}
          errors={messages('bodyZh')}
          focus={firstError === 'bodyZh'}
          maxLength={NOTICE_BODY_MAX}
          rows={8}
        />
        <TextArea
          id="bodyEn"
          label={t('staff.form.bodyEn')}
          lang="en"
          defaultValue={value('bodyEn')}
          errors={messages('bodyEn')}
          focus={firstError === 'bodyEn'}
          maxLength={NOTICE_BODY_MAX}
          rows={6}
        />
      </Fieldset>

      <Fieldset legend={t('staff.form.when')}>
        <div className="grid gap-4 sm:grid-cols-2">
          {field('startsAt', t('staff.form.startsAt'), {
            type: 'datetime-local',
            hint: t('staff.form.dateTimeHint'),
            required: true,
          })}
          {field('endsAt', t('staff.form.endsAt'), {
            type: 'datetime-local',
            hint: `${t('staff.form.dateTimeHint')} ${t('staff.form.endsAtHint')}`,
            required: true,
          })}
        </div>
        <div className="flex items-start gap-3">
          <input
            id="emergency"
            name="emergency"
            type="checkbox"
            defaultChecked={value('emergency') === 'on'}
            aria-describedby="emergency-hint"
            autoFocus={firstError === 'emergency'}
            className="mt-1 size-6 shrink-0"
          />
          <div>
            <label htmlFor="emergency" className="font-medium">
              {t('staff.form.emergency')}
            </label>
            <p id="emergency-hint" className="text-muted text-sm">
              {t('staff.form.emergencyHint')}
            </p>
          </div>
        </div>
        <TextArea
          id="emergencyReason"
          label={t('staff.form.emergencyReason')}
          defaultValue={value('emergencyReason')}
          errors={messages('emergencyReason')}
          focus={firstError === 'emergencyReason'}
          maxLength={NOTICE_REASON_MAX}
          rows={2}
        />
      </Fieldset>

      <Fieldset legend={t('staff.form.where')}>
        <p className="text-muted text-sm">{t('staff.form.whereHint')}</p>
        <fieldset
          className="space-y-2"
          aria-describedby={whereErrors.length ? 'districtIds-error' : undefined}
        >
          <legend className="font-medium">{t('staff.form.districts')}</legend>
          {whereErrors.length ? (
            <p id="districtIds-error" className="text-danger text-sm font-medium">
              {whereErrors.join(' ')}
            </p>
          ) : null}
          <div className="grid gap-x-6 sm:grid-cols-2 md:grid-cols-3">
            {districts.map((d, index) => (
              <label key={d.id} className="flex min-h-11 items-center gap-3">
                <input
                  type="checkbox"
                  name="districtIds"
                  value={d.id}
                  defaultChecked={ticked.has(String(d.id))}
                  autoFocus={
                    index === 0 && (firstError === 'targets' || firstError === 'districtIds')
                  }
                  className="size-5"
                />
                {d.label}
              </label>
            ))}
          </div>
        </fieldset>
        <TextArea
          id="accountNumbers"
          label={t('staff.form.accountNumbers')}
          hint={t('staff.form.accountNumbersHint')}
          defaultValue={value('accountNumbers')}
          errors={messages('accountNumbers')}
          focus={firstError === 'accountNumbers'}
          inputMode="numeric"
          rows={3}
        />
      </Fieldset>

      {revising ? (
        <>
          <TextArea
            id="reason"
            label={t('staff.revise.reason')}
            hint={t('staff.revise.reasonHint')}
            defaultValue={value('reason')}
            errors={messages('reason')}
            focus={firstError === 'reason'}
            maxLength={NOTICE_REASON_MAX}
            required
            rows={3}
          />
          <SubmitButton disabled={pending}>{t('staff.revise.submit')}</SubmitButton>
        </>
      ) : (
        <div className="flex flex-wrap gap-4">
          <SubmitButton name="intent" value="publish" disabled={pending}>
            {t('staff.form.publish')}
          </SubmitButton>
          <SecondaryButton name="intent" value="draft" disabled={pending}>
            {t('staff.form.saveDraft')}
          </SecondaryButton>
        </div>
      )}
    </form>
  );
}

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-300 p-4">
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

function TextArea({
  id,
  label,
  hint,
  errors,
  focus,
  ...textarea
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  focus?: boolean;
} & React.ComponentPropsWithoutRef<'textarea'>) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-muted text-sm">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="text-danger text-sm font-medium">
          {errors?.join(' ')}
        </p>
      ) : null}
      <textarea
        id={id}
        name={id}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        autoFocus={focus}
        className={`block w-full max-w-2xl rounded-md border px-3 py-2 text-base ${errorId ? 'border-danger' : 'border-slate-400'}`}
        {...textarea}
      />
    </div>
  );
}
