import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { assistanceReplies } from '../db/schema';
import { writeAudit } from '../audit';
import type { TActor } from '../auth/actor';
import { rowsOf } from '../db/rows-of';
import { applicantOrFiler } from './access';

/**
 * The resident (or their officer) answers the reviewer's request for information: the answer
 * is kept with the request, the application goes back to the reviewers and the waiting clock
 * runs again (the paused time is not counted). Answering twice gives one answer.
 */
export async function answerInfoRequest(input: {
  actor: TActor;
  applicationId: number;
  message: string;
}): Promise<{ ok: true } | { ok: false; error: 'not_found' | 'not_editable' }> {
  const { actor } = input;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const app = rowsOf<{ id: number; status: string; request_id: number | null }>(
      await tx.execute(sql`
        SELECT app.id, app.status,
               (SELECT d.id FROM assistance_decisions d
                 WHERE d.application_id = app.id AND d.kind = 'request_info'
                 ORDER BY d.id DESC LIMIT 1) AS request_id
          FROM assistance_applications app
         WHERE app.id = ${input.applicationId} AND ${applicantOrFiler(actor)}
         FOR UPDATE OF app`),
    )[0];
    if (!app) return { ok: false, error: 'not_found' };
    if (app.status !== 'info_requested' || app.request_id === null) {
      return { ok: false, error: 'not_editable' };
    }
    await tx.insert(assistanceReplies).values({
      applicationId: app.id,
      decisionId: app.request_id,
      message: input.message,
      repliedByUserId: actor.userId,
    });
    await tx.execute(sql`
      UPDATE assistance_applications
         SET status = 'submitted',
             paused_seconds = paused_seconds + CASE WHEN paused_since IS NULL THEN 0
                              ELSE extract(epoch FROM (now() - paused_since))::int END,
             paused_since = NULL, updated_at = now()
       WHERE id = ${app.id}`);
    await writeAudit(tx, actor, {
      action: 'assistance.info.answered',
      subjectType: 'assistance_application',
      subjectId: app.id,
      detail: { decisionId: app.request_id },
    });
    return { ok: true };
  });
}
