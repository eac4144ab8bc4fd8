import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { writeAudit } from '../audit';
import type { TActor } from '../auth/actor';
import { rowsOf } from '../db/rows-of';
import { applicantOrFiler } from './access';

/**
 * The resident (or their officer) takes back an application that has not been decided yet.
 * It leaves the reviewers' queue; its documents go with the next retention sweep.
 */
export async function withdrawApplication(input: {
  actor: TActor;
  applicationId: number;
}): Promise<{ ok: true } | { ok: false; error: 'not_found' | 'not_editable' }> {
  const { actor } = input;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const app = rowsOf<{ id: number; status: string }>(
      await tx.execute(sql`
        SELECT app.id, app.status FROM assistance_applications app
         WHERE app.id = ${input.applicationId} AND ${applicantOrFiler(actor)}
         FOR UPDATE OF app`),
    )[0];
    if (!app) return { ok: false, error: 'not_found' };
    if (!['draft', 'submitted', 'info_requested'].includes(app.status)) {
      return { ok: false, error: 'not_editable' };
    }
    await tx.execute(sql`
      UPDATE assistance_applications
         SET status = 'withdrawn', decided_at = now(), paused_since = NULL, updated_at = now()
       WHERE id = ${app.id}`);
    await writeAudit(tx, actor, {
      action: 'assistance.application.withdrawn',
      subjectType: 'assistance_application',
      subjectId: app.id,
      detail: { from: app.status },
    });
    return { ok: true };
  });
}
