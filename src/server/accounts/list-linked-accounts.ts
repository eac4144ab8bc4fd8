import 'server-only';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { selectLinkedAccounts } from './select-linked-accounts';
import type { TLinkedAccountSummary } from './types';

/** The actor's linked accounts for the dashboard, each with its last two readings. */
export async function listLinkedAccounts(input: {
  actor: TActor;
}): Promise<TLinkedAccountSummary[]> {
  assertCan(input.actor, 'view:account:own');
  const rows = await selectLinkedAccounts(input.actor.userId);
  // The dashboard card needs less than the account page: hand over only the summary fields.
  return rows.map((r) => ({
    id: r.id,
    accountNumber: r.accountNumber,
    utility: r.utility,
    status: r.status,
    address: r.address,
    district: r.district,
    householdSize: r.householdSize,
    meterSerial: r.meterSerial,
    lastReadings: r.lastReadings,
    readingNote: r.readingNote,
  }));
}
