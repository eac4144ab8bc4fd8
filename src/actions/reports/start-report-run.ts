'use server';

import { redirect } from 'next/navigation';
import { parseFormData, type TFormState } from '@/actions/form-state';
import { pageNotFound } from '@/lib/page-not-found';
import { can, requireStaff } from '@/server/auth';
import { startReportRun } from '@/server/reports';
import { ZStartReportRunSchema } from './start-report-run.schema';

/** Billing staff queue every account's annual report for a year; the page shows progress. */
export async function startReportRunAction(
  _prev: TFormState,
  formData: FormData,
): Promise<TFormState> {
  const actor = await requireStaff();
  if (!can(actor.role, 'run:billing')) pageNotFound();
  const parsed = parseFormData(ZStartReportRunSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { runId } = await startReportRun({ actor, year: parsed.data.year });
  redirect(`/staff/reports?started=${runId}`);
}
