import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '../db';
import { districts } from '../db/schema';
import type { TDistrictOption } from './types';

/** The city's districts, for the notice form's targets and the public page's filter. */
export async function listNoticeDistricts(): Promise<TDistrictOption[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: districts.id, zh: districts.nameZh, en: districts.nameEn })
    .from(districts)
    .orderBy(asc(districts.id));
  return rows.map((r) => ({ id: r.id, name: { zh: r.zh, en: r.en } }));
}
