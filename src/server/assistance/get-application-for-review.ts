import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { rowsOf } from '../db/rows-of';
import { ownHousehold } from './access';
import { loadApplicationDetail } from './load-application-detail';
import type { TApplicationDetail } from './types';

/**
 * A reviewer's view of an application (drafts are the resident's own business and not shown),
 * plus whether this reviewer may decide it: never their own household's.
 */
export async function getApplicationForReview(input: {
  actor: TActor;
  applicationId: number;
}): Promise<(TApplicationDetail & { ownHousehold: boolean }) | null> {
  assertCan(input.actor, 'review:assistance:any');
  const db = await getDb();
  const detail = await loadApplicationDetail(db, {
    applicationId: input.applicationId,
    access: sql`app.status <> 'draft'`,
    staffView: true,
    editableBy: null,
  });
  if (!detail) return null;
  const own = rowsOf<{ own: boolean }>(
    await db.execute(sql`SELECT ${ownHousehold(input.actor)} AS own
                           FROM assistance_applications app WHERE app.id = ${detail.id}`),
  )[0];
  return { ...detail, ownHousehold: own?.own ?? true };
}
