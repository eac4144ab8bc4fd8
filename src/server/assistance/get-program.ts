import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import { assistancePrograms } from '../db/schema';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { programColumns, programFromRow } from './program-row';
import type { TAssistanceProgram } from './types';

/** One programme for its edit page. */
export async function getProgram(input: {
  actor: TActor;
  programId: number;
}): Promise<TAssistanceProgram | null> {
  assertCan(input.actor, 'manage:assistance_program');
  const db = await getDb();
  const [row] = await db
    .select(programColumns)
    .from(assistancePrograms)
    .where(eq(assistancePrograms.id, input.programId))
    .limit(1);
  return row ? programFromRow(row) : null;
}
