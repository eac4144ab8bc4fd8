import 'server-only';
import { eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TDb } from '../db';
import { complaints, premises, serviceAccounts, users } from '../db/schema';

const filer = alias(users, 'filer');
const assignee = alias(users, 'assignee');

/** One case with its account, filer and assignee, for the case pages (resident and staff). */
export async function selectCase(db: TDb, where: SQL | undefined) {
  const [row] = await db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      category: complaints.category,
      subType: complaints.subType,
      status: complaints.status,
      department: complaints.department,
      description: complaints.description,
      location: complaints.location,
      contactEmail: complaints.contactEmail,
      rural: complaints.rural,
      createdAt: complaints.createdAt,
      firstResponseDueAt: complaints.firstResponseDueAt,
      firstRespondedAt: complaints.firstRespondedAt,
      answerDueAt: complaints.answerDueAt,
      nextDueAt: complaints.nextDueAt,
      escalatedAt: complaints.escalatedAt,
      answeredOnTime: complaints.answeredOnTime,
      closedAt: complaints.closedAt,
      reopenedCount: complaints.reopenedCount,
      rating: complaints.rating,
      ratingComment: complaints.ratingComment,
      accountNumber: serviceAccounts.accountNumber,
      utility: serviceAccounts.utility,
      addressZh: premises.addressZh,
      addressEn: premises.addressEn,
      filerName: filer.name,
      filerEmail: filer.email,
      assigneeId: assignee.id,
      assigneeName: assignee.name,
    })
    .from(complaints)
    .leftJoin(serviceAccounts, eq(serviceAccounts.id, complaints.accountId))
    .leftJoin(premises, eq(premises.id, complaints.premisesId))
    .leftJoin(filer, eq(filer.id, complaints.filedByUserId))
    .leftJoin(assignee, eq(assignee.id, complaints.assigneeUserId))
    .where(where)
    .limit(1);
  return row ?? null;
}

export type TCaseRow = NonNullable<Awaited<ReturnType<typeof selectCase>>>;
