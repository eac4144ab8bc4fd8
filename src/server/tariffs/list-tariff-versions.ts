import 'server-only';
import { TIME_ZONE } from '@/lib/locale';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { getDb } from '../db';
import { selectTariffVersions, type TTariffVersionRow } from './select-tariff-versions';

export type TTariffVersionListItem = TTariffVersionRow & {
  /** Relative to today in Asia/Shanghai. */
  status: 'past' | 'current' | 'upcoming';
};

/** Every tariff version of every utility, oldest first, for billing staff. */
export async function listTariffVersions(input: {
  actor: TActor;
  /** YYYY-MM-DD; defaults to today in Asia/Shanghai. */
  today?: string;
}): Promise<TTariffVersionListItem[]> {
  assertCan(input.actor, 'manage:tariff');
  const today = input.today ?? todayInShanghai();
  const db = await getDb();
  const versions = await selectTariffVersions(db, undefined);
  return versions.map((version) => ({
    ...version,
    status:
      version.effectiveFrom > today
        ? 'upcoming'
        : version.effectiveTo !== null && version.effectiveTo <= today
          ? 'past'
          : 'current',
  }));
}

function todayInShanghai(): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
}
