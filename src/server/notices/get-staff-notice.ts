import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { getDb } from '../db';
import {
  districts,
  noticeDeliveries,
  noticeRevisions,
  notices,
  noticeTargets,
  serviceAccounts,
  users,
} from '../db/schema';
import type { TStaffNotice } from './types';

/**
 * One notice with everything staff need to check, edit (a draft), revise, cancel or withdraw
 * it, with its revisions (who made each, and whether its residents were all told).
 */
export async function getStaffNotice(input: {
  actor: TActor;
  noticeId: number;
}): Promise<TStaffNotice | null> {
  assertCan(input.actor, 'publish:notice:any');
  if (!Number.isSafeInteger(input.noticeId) || input.noticeId < 1 || input.noticeId > 2_147_483_647)
    return null;
  const db = await getDb();
  const publisher = alias(users, 'publisher');
  const withdrawer = alias(users, 'withdrawer');
  const [row] = await db
    .select({
      notice: notices,
      publishedBy: publisher.name,
      withdrawnBy: withdrawer.name,
    })
    .from(notices)
    .leftJoin(publisher, eq(publisher.id, notices.publishedByUserId))
    .leftJoin(withdrawer, eq(withdrawer.id, notices.withdrawnByUserId))
    .where(eq(notices.id, input.noticeId));
  if (!row) return null;
  const reviser = alias(users, 'reviser');
  const [targetDistricts, targetAccounts, [delivered], revisions] = await Promise.all([
    db
      .select({ id: districts.id, zh: districts.nameZh, en: districts.nameEn })
      .from(noticeTargets)
      .innerJoin(districts, eq(districts.id, noticeTargets.districtId))
      .where(eq(noticeTargets.noticeId, input.noticeId))
      .orderBy(asc(districts.id)),
    db
      .select({ accountNumber: serviceAccounts.accountNumber })
      .from(noticeTargets)
      .innerJoin(serviceAccounts, eq(serviceAccounts.id, noticeTargets.accountId))
      .where(eq(noticeTargets.noticeId, input.noticeId))
      .orderBy(asc(serviceAccounts.accountNumber)),
    db
      .select({ n: count(noticeDeliveries.deliveredAt) })
      .from(noticeDeliveries)
      .where(eq(noticeDeliveries.noticeId, input.noticeId)),
    db
      .select({
        revision: noticeRevisions.revision,
        kind: noticeRevisions.kind,
        changes: noticeRevisions.changes,
        reason: noticeRevisions.reason,
        at: noticeRevisions.createdAt,
        by: reviser.name,
        notifiedAt: noticeRevisions.notifiedAt,
      })
      .from(noticeRevisions)
      .leftJoin(reviser, eq(reviser.id, noticeRevisions.actorUserId))
      .where(eq(noticeRevisions.noticeId, input.noticeId))
      .orderBy(asc(noticeRevisions.revision)),
  ]);
  const n = row.notice;
  return {
    id: n.id,
    kind: n.kind,
    utility: n.utility,
    titleZh: n.titleZh,
    titleEn: n.titleEn,
    bodyZh: n.bodyZh,
    bodyEn: n.bodyEn,
    startsAt: n.startsAt,
    endsAt: n.endsAt,
    emergency: n.emergency,
    emergencyReason: n.emergencyReason,
    status: n.status,
    districtIds: targetDistricts.map((d) => d.id),
    districts: targetDistricts.map((d) => ({ id: d.id, zh: d.zh, en: d.en })),
    accountNumbers: targetAccounts.map((a) => a.accountNumber),
    createdAt: n.createdAt,
    publishedAt: n.publishedAt,
    publishedBy: row.publishedBy,
    withdrawnAt: n.withdrawnAt,
    withdrawnBy: row.withdrawnBy,
    withdrawnReason: n.withdrawnReason,
    notifiedAt: n.notifiedAt,
    delivered: Number(delivered?.n ?? 0),
    revisable: n.status === 'published' && n.endsAt.getTime() > Date.now(),
    revisions,
  };
}
