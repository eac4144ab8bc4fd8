import 'server-only';
import { auditLog } from '../db/schema';
import type { TDb } from '../db';
import type { TActor } from '../auth/actor';

export type TAuditEntry = {
  action: string;
  subjectType: string;
  subjectId: string | number;
  detail?: Record<string, unknown>;
};

type TExecutor = Pick<TDb, 'insert'>;

/** Writes audit rows with the caller's transaction, so the record and the act commit together. */
export async function writeAudit(tx: TExecutor, actor: TActor | null, ...entries: TAuditEntry[]) {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((e) => ({
      actorUserId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      ip: actor?.ip ?? null,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: String(e.subjectId),
      detail: e.detail ?? null,
    })),
  );
}
