'use server';

import { redirect } from 'next/navigation';
import { parseFormData, safeValues, type TFormState } from '@/actions/form-state';
import { requireStaff } from '@/server/auth';
import { saveCalendarYear, type TCalendarDayError } from '@/server/calendar';
import { ZSaveCalendarYearSchema } from './save-calendar-year.schema';
import { notFoundWithoutPermission } from '@/actions/not-found-without-permission';

/** The form state plus the day problems, each with the line it is on. */
export type TCalendarFormState = TFormState & {
  dayErrors?: { holidays?: TCalendarDayError[]; workdays?: TCalendarDayError[]; both?: string[] };
};

export async function saveCalendarYearAction(
  _prev: TCalendarFormState,
  formData: FormData,
): Promise<TCalendarFormState> {
  const actor = await requireStaff();
  const parsed = parseFormData(ZSaveCalendarYearSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await saveCalendarYear({ actor, ...parsed.data }).catch(notFoundWithoutPermission);
  if (!result.ok)
    return {
      status: 'error',
      message: 'calendar.errors.summary',
      dayErrors: result.errors,
      values: safeValues(formData),
    };
  redirect(`/staff/calendar?saved=${parsed.data.year}`);
}
