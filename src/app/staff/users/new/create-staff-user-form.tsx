'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, SelectField, FormMessage, SubmitButton } from '@/components/ui/form';
import { initialFormState } from '@/actions/form-state';
import { createStaffUserAction } from '@/actions/staff/create-staff-user';

const FIELDS = ['email', 'name', 'role', 'department', 'password'] as const;

export function CreateStaffUserForm({ roles }: { roles: { value: string; label: string }[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createStaffUserAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const translated = (keys?: string[]) => keys?.map((k) => t(k));
  const firstError = FIELDS.find((f) => errors[f]?.length);
  const roleError = translated(errors.role);
  return (
    <form action={action} className="space-y-5" noValidate>
      {state.message ? <FormMessage tone="error">{t(state.message)}</FormMessage> : null}
      <Field
        id="email"
        type="email"
        label={t('staff.users.new.email')}
        errors={translated(errors.email)}
        focus={firstError === 'email'}
        autoComplete="off"
        required
        defaultValue={state.values?.email ?? ''}
      />
      <Field
        id="name"
        label={t('staff.users.new.name')}
        errors={translated(errors.name)}
        focus={firstError === 'name'}
        autoComplete="off"
        required
        defaultValue={state.values?.name ?? ''}
      />
      <SelectField
        id="role"
        label={t('staff.users.new.role')}
        errors={roleError}
        focus={firstError === 'role'}
        defaultValue={state.values?.role ?? 'agent'}
        options={roles}
      />
      <Field
        id="department"
        label={t('staff.users.new.department')}
        hint={t('staff.users.new.departmentHint')}
        errors={translated(errors.department)}
        focus={firstError === 'department'}
        defaultValue={state.values?.department ?? ''}
      />
      <Field
        id="password"
        type="password"
        label={t('staff.users.new.password')}
        hint={t('staff.users.new.passwordHint')}
        errors={translated(errors.password)}
        focus={firstError === 'password'}
        autoComplete="new-password"
        required
      />
      <SubmitButton disabled={pending}>{t('staff.users.new.submit')}</SubmitButton>
    </form>
  );
}
