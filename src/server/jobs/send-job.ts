import 'server-only';
import type PgBoss from 'pg-boss';
import { ensureQueue, getBoss } from './get-boss';

/** Sends one job, creating its queue first if this process has not yet. Returns the job id. */
export async function sendJob(
  name: string,
  data: object,
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  const boss = await getBoss();
  await ensureQueue(boss, name);
  return boss.send(name, data, options);
}
