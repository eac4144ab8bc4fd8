'use server';

import { redirect } from 'next/navigation';
import { parseFormData, safeValues, type TFormState } from '@/actions/form-state';
import { pageNotFound } from '@/lib/page-not-found';
import { PermissionError, requireStaff } from '@/server/auth';
import { saveCalendarYear, type TCalendarDayError } from '@/server/calendar';
import { ZSaveCalendarYearSchema } from './save-calendar-year.schema';

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
  let result;
  try {
    result = await saveCalendarYear({ actor, ...parsed.data });
  } catch (error) {
    if (error instanceof PermissionError) pageNotFound();
    throw error;
  }
  if (!result.ok)
    return {
      status: 'error',
      message: 'calendar.errors.summary',
      dayErrors: result.errors,
      values: safeValues(formData),
    };
  redirect(`/staff/calendar?saved=${parsed.data.year}`);
}
