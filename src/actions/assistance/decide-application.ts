'use server';

import { redirect } from 'next/navigation';
import { pageNotFound } from '@/lib/page-not-found';
import { can, requirePermission } from '@/server/auth';
import { decideApplication } from '@/server/assistance';
import { ZDecisionSchema, ZOverrideSchema } from './assistance-forms.schema';

/**
 * A reviewer's decision (or a supervisor's override, when `override=1`). Problems come back
 * to the review page by name (`?error=`), next to the form they belong to (`&form=`).
 */
export async function decideApplicationAction(formData: FormData): Promise<void> {
  const actor = await requirePermission('review:assistance:any');
  const applicationId = Number(formData.get('applicationId'));
  if (!Number.isInteger(applicationId) || applicationId <= 0) pageNotFound();
  const kind = String(formData.get('kind') ?? '');
  const isOverride = formData.get('override') === '1';
  const form = isOverride ? 'override' : kind;
  const back = (error: string) =>
    redirect(`/staff/assistance/${applicationId}?error=${error}&form=${form}`);

  const parsed = ZDecisionSchema.safeParse({
    kind,
    fromMonth: formData.get('fromMonth') ?? '',
    months: formData.get('months') ?? '',
    reasonCode: formData.get('reasonCode') ?? '',
    message: formData.get('message') ?? '',
  });
  if (!parsed.success) back(parsed.error.issues[0]?.message ?? 'invalid');
  else {
    let override: { reason: string } | undefined;
    if (isOverride) {
      if (!can(actor.role, 'override:assistance:any')) pageNotFound();
      const reason = ZOverrideSchema.safeParse({
        overrideReason: formData.get('overrideReason') ?? '',
      });
      if (!reason.success) back('overrideReason');
      else override = { reason: reason.data.overrideReason };
    }
    const decision =
      parsed.data.kind === 'reject'
        ? { ...parsed.data, message: parsed.data.message || null }
        : parsed.data;
    const result = await decideApplication({ actor, applicationId, decision, override });
    if (!result.ok && result.error === 'not_found') pageNotFound();
    if (!result.ok && result.error === 'allowance_overlap') {
      const { reference, validFrom, validTo } = result.overlap;
      back(
        `allowance_overlap&overlap=${encodeURIComponent(reference)}` +
          `&overlapFrom=${validFrom}&overlapTo=${validTo}`,
      );
    }
    if (!result.ok) back(result.error);
    redirect(`/staff/assistance/${applicationId}?decided=${kind}`);
  }
}
