import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { assistancePrograms } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { programColumns, programFromRow } from './program-row';
import type { TAssistanceProgram } from './types';

/** Programmes open for applications (residents), or all of them (`all`, programme managers). */
export async function listPrograms(input: {
  actor: TActor;
  all?: boolean;
}): Promise<TAssistanceProgram[]> {
  if (input.all) assertCan(input.actor, 'manage:assistance_program');
  const db = await getDb();
  const rows = await db
    .select(programColumns)
    .from(assistancePrograms)
    .where(input.all ? undefined : eq(assistancePrograms.active, true))
    .orderBy(asc(assistancePrograms.id));
  return rows.map(programFromRow);
}
