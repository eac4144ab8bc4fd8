import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { users } from '../db/schema';
import { notifyUsers } from '../notifications/notify-users';
import type { TTx, TLockedCase } from './lock-case';

export type TCaseNotice = 'reply' | 'status' | 'closed' | 'escalated' | 'reopened' | 'message';

/** Tells the filer about a change on their case (inbox + mail in their language). */
export async function notifyFiler(
  tx: TTx,
  row: Pick<TLockedCase, 'id' | 'reference' | 'filedByUserId'>,
  notice: 'reply' | 'status' | 'closed',
): Promise<number[]> {
  if (!row.filedByUserId) return [];
  return notifyUsers(tx, [
    {
      userId: row.filedByUserId,
      kind: `complaint.${notice}`,
      title: { key: `complaints.notify.${notice}.title`, values: { reference: row.reference } },
      body: { key: `complaints.notify.${notice}.body`, values: { reference: row.reference } },
      link: `/complaints/${row.id}`,
    },
  ]);
}

/** Tells the case's assignee (if any, and not the person acting) that the resident wrote. */
export async function notifyAssignee(
  tx: TTx,
  row: Pick<TLockedCase, 'id' | 'reference' | 'assigneeUserId'>,
  actorUserId: string,
): Promise<number[]> {
  if (!row.assigneeUserId || row.assigneeUserId === actorUserId) return [];
  return notifyUsers(tx, [
    {
      userId: row.assigneeUserId,
      kind: 'complaint.message',
      title: { key: 'complaints.notify.message.title', values: { reference: row.reference } },
      link: `/staff/complaints/${row.id}`,
      mail: false,
    },
  ]);
}

/** Every active supervisor: escalations and dissatisfied ratings go to them. */
export async function notifySupervisors(
  tx: TTx,
  notice: { key: 'escalated' | 'reopened'; values: Record<string, string | number>; link: string },
  dedupeKey?: string,
): Promise<number[]> {
  const supervisors = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'supervisor'), isNull(users.disabledAt)));
  return notifyUsers(
    tx,
    supervisors.map((s) => ({
      userId: s.id,
      kind: `complaint.${notice.key}`,
      title: { key: `complaints.notify.${notice.key}.title`, values: notice.values },
      body: { key: `complaints.notify.${notice.key}.body`, values: notice.values },
      link: notice.link,
      dedupeKey,
    })),
  );
}
