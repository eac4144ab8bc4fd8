import 'server-only';
import { getDb } from '../db';
import type { TActor } from '../auth/actor';
import { can } from '../auth/permissions';
import { applicantOrFiler } from './access';
import { loadApplicationDetail } from './load-application-detail';
import type { TApplicationDetail } from './types';

/** The applicant's (or the filing officer's) view of one application; anyone else gets null. */
export async function getApplication(input: {
  actor: TActor;
  applicationId: number;
}): Promise<TApplicationDetail | null> {
  const db = await getDb();
  return loadApplicationDetail(db, {
    applicationId: input.applicationId,
    access: applicantOrFiler(input.actor),
    staffView: false,
    editableBy: input.actor.userId,
    filesForOthers: can(input.actor.role, 'file:assistance:behalf'),
  });
}
