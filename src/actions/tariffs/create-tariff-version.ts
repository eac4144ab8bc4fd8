'use server';

import { redirect } from 'next/navigation';
import { parseFormData, safeValues, type TFormState } from '@/actions/form-state';
import { requestOrigin } from '@/actions/request-origin';
import { requireStaff } from '@/server/auth';
import { createTariffVersion } from '@/server/tariffs';
import { toNewTariffVersion, ZCreateTariffVersionSchema } from './create-tariff-version.schema';
import { notFoundWithoutPermission } from '@/actions/not-found-without-permission';

export async function createTariffVersionAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const actor = await requireStaff();
  const parsed = parseFormData(ZCreateTariffVersionSchema, formData);
  if (!parsed.ok) return { ...parsed.state, values: formValues(formData) };
  const result = await createTariffVersion({
    actor,
    version: toNewTariffVersion(parsed.data),
  }).catch(notFoundWithoutPermission);
  if (!result.ok) {
    const values = formValues(formData);
    if (result.error === 'already_billed') {
      return {
        status: 'error',
        fieldErrors: { effectiveFrom: ['tariffs.errors.alreadyBilled'] },
        messageValues: { period: result.lastBilledPeriod.slice(0, 7) },
        values,
      };
    }
    const [first] = result.conflicts;
    const { locale } = await requestOrigin();
    return {
      status: 'error',
      fieldErrors: { effectiveFrom: ['tariffs.errors.overlap'] },
      messageValues: {
        code: result.conflicts.map((c) => c.code).join(locale === 'en' ? ', ' : '、'),
        from: first?.effectiveFrom ?? '',
        count: result.conflicts.length,
      },
      values,
    };
  }
  redirect(`/staff/tariffs?done=created#tariff-${result.id}`);
}

/** What was typed, for the re-rendered form: safeValues drops any name containing "code", but tariff codes are no secret. */
function formValues(formData: FormData): Record<string, string> {
  const values = safeValues(formData);
  for (const [key, value] of formData.entries()) {
    if (/code$/i.test(key) && typeof value === 'string') values[key] = value.slice(0, 100);
  }
  return values;
}
