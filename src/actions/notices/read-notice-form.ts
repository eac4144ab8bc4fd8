import { safeValues, type TFormState } from '@/actions/form-state';
import type { TNoticeFieldErrors } from '@/server/notices';
import { NOTICE_BODY_MAX, NOTICE_FORM_FIELDS } from './save-notice.schema';

/**
 * Reads the notice form (new, edit draft, revise): the raw fields for the schema, and the
 * values to echo back on an error so nothing typed is lost — notice texts whole (safeValues
 * cuts at 500 characters) and the ticked districts as a list.
 */
export function readNoticeForm(formData: FormData): {
  values: Record<string, string>;
  fields: Record<string, string | string[]>;
} {
  const long = (name: string) => String(formData.get(name) ?? '').slice(0, NOTICE_BODY_MAX + 1_000);
  const values = {
    ...safeValues(formData),
    bodyZh: long('bodyZh'),
    bodyEn: long('bodyEn'),
    districtIds: formData.getAll('districtIds').map(String).join(','),
    accountNumbers: String(formData.get('accountNumbers') ?? '').slice(0, 6_000),
  };
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : '';
  };
  const fields: Record<string, string | string[]> = Object.fromEntries(
    ['noticeId', 'intent', ...NOTICE_FORM_FIELDS].map((name) => [name, field(name)]),
  );
  fields.districtIds = formData.getAll('districtIds').map(String);
  return { values, fields };
}

/** The domain's field problems (lead time, unknown accounts, …) as form state. */
export function noticeFieldErrorState(
  problems: TNoticeFieldErrors,
  values: Record<string, string>,
): TFormState {
  const fieldErrors: Record<string, string[]> = {};
  const messageValues: Record<string, string | number> = {};
  for (const [name, problem] of Object.entries(problems)) {
    fieldErrors[name] = [`notices.errors.${problem.code}`];
    Object.assign(messageValues, problem.values ?? {});
  }
  return { status: 'error', fieldErrors, messageValues, values };
}
