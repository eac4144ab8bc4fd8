import 'server-only';
import type { TActor } from '../auth/actor';
import { readParts } from '../db/read-parts';
import { linkedAccountsSummaryPart } from '../accounts';
import { accountBillingSummariesPart } from '../bills';
import { residentNoticesPart } from '../notices';
import { myApplicationsPart } from '../assistance';
import { myComplaintsPart } from '../complaints';

/**
 * Everything the resident's dashboard shows below the greeting, in ONE statement (ADR 022): the
 * linked accounts with their last readings, each account's balance and latest bill, the notices
 * for the resident's premises, their assistance applications and their complaints. Each domain
 * keeps its own SQL, ownership check (the actor's id inside its query) and decoding; this only
 * puts their reads side by side, so the most visited page makes one round trip where it made
 * five. Each read is also its domain's own function (`listLinkedAccounts`, …) for other pages.
 */
export async function getResidentDashboard(input: { actor: TActor }) {
  const { accounts, billing, notices, applications, complaints } = await readParts(
    'resident-dashboard',
    {
      accounts: linkedAccountsSummaryPart(input),
      billing: accountBillingSummariesPart(input),
      notices: residentNoticesPart(input),
      applications: myApplicationsPart(input),
      complaints: myComplaintsPart({ ...input, limit: 50 }),
    },
  );
  return { accounts, billing, notices, applications, complaints };
}

export type TResidentDashboard = Awaited<ReturnType<typeof getResidentDashboard>>;
