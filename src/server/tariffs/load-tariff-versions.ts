import 'server-only';
import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { getDb } from '../db';
import { tariffs, type TUtility } from '../db/schema';
import { selectTariffVersions, type TTariffVersionRow } from './select-tariff-versions';

/**
 * The utility's tariff versions in force at any time in [from, to) (YYYY-MM-DD, `to`
 * exclusive), oldest first, ready for computeBillLines / tierBounds. Tariffs are public
 * prices, so no actor: billing jobs, usage pages and reports all read them.
 */
export async function loadTariffVersions(input: {
  utility: TUtility;
  from: string;
  to: string;
}): Promise<TTariffVersionRow[]> {
  const db = await getDb();
  return selectTariffVersions(
    db,
    and(
      eq(tariffs.utility, input.utility),
      lt(tariffs.effectiveFrom, input.to),
      or(isNull(tariffs.effectiveTo), gt(tariffs.effectiveTo, input.from)),
    ),
  );
}
