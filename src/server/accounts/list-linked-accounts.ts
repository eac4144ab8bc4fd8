import 'server-only';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { readPart, type TReadPart } from '../db/read-parts';
import { linkedAccountsPart } from './select-linked-accounts';
import type { TLinkedAccountSummary } from './types';

/** The actor's linked accounts for the dashboard, each with its last two readings. */
export async function listLinkedAccounts(input: {
  actor: TActor;
}): Promise<TLinkedAccountSummary[]> {
  return readPart(linkedAccountsSummaryPart(input));
}

/** The same read as a part, for a page that reads several domains at once (ADR 022). */
export function linkedAccountsSummaryPart(input: {
  actor: TActor;
}): TReadPart<TLinkedAccountSummary[], unknown> {
  assertCan(input.actor, 'view:account:own');
  const part = linkedAccountsPart(input.actor.userId);
  return {
    ...part,
    // The dashboard card needs less than the account page: hand over only the summary fields.
    decode: (rows) =>
      part.decode(rows as Parameters<typeof part.decode>[0]).map((r) => ({
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
      })),
  };
}
