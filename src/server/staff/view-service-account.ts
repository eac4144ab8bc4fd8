import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import { getDb } from '../db';
import {
  accountLinks,
  districts,
  meterReadings,
  meters,
  premises,
  serviceAccounts,
  users,
  type TUtility,
} from '../db/schema';
import { writeAudit } from '../audit';
import { assertCan } from '../auth/permissions';
import type { TActor } from '../auth/actor';
import { maskEmail } from './mask-email';

export type TStaffAccountView = {
  id: number;
  accountNumber: string;
  utility: TUtility;
  status: 'active' | 'suspended' | 'closed';
  holderName: string;
  openedOn: string;
  premises: {
    address: { zh: string; en: string };
    district: { zh: string; en: string };
    householdSize: number;
    lowIncome: boolean;
  };
  meters: { serialNumber: string; installedOn: string; removedOn: string | null }[];
  readings: {
    period: string;
    readOn: string;
    reading: string;
    consumption: string;
    kind: 'actual' | 'estimated' | 'customer';
    meterSerial: string;
  }[];
  linkedUsers: { name: string; maskedEmail: string; role: string; linkedAt: Date }[];
};

/**
 * One account as staff see it. Looking at a resident's data is itself recorded: the audit row
 * is written in the same transaction as the reads, so no view goes unrecorded.
 */
export async function viewServiceAccount(input: {
  actor: TActor;
  accountId: number;
}): Promise<TStaffAccountView | null> {
  const { actor } = input;
  assertCan(actor, 'view:account:any');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({
        id: serviceAccounts.id,
        accountNumber: serviceAccounts.accountNumber,
        utility: serviceAccounts.utility,
        status: serviceAccounts.status,
        holderName: serviceAccounts.holderName,
        openedOn: serviceAccounts.openedOn,
        addressZh: premises.addressZh,
        addressEn: premises.addressEn,
        districtZh: districts.nameZh,
        districtEn: districts.nameEn,
        householdSize: premises.householdSize,
        lowIncomeCertificate: premises.lowIncomeCertificate,
      })
      .from(serviceAccounts)
      .innerJoin(premises, eq(premises.id, serviceAccounts.premisesId))
      .innerJoin(districts, eq(districts.id, premises.districtId))
      .where(eq(serviceAccounts.id, input.accountId))
      .limit(1);
    if (!account) return null;

    const accountMeters = await tx
      .select({
        serialNumber: meters.serialNumber,
        installedOn: meters.installedOn,
        removedOn: meters.removedOn,
      })
      .from(meters)
      .where(eq(meters.accountId, account.id))
      .orderBy(desc(meters.installedOn));
    const readings = await tx
      .select({
        period: meterReadings.period,
        readOn: meterReadings.readOn,
        reading: meterReadings.reading,
        consumption: meterReadings.consumption,
        kind: meterReadings.kind,
        meterSerial: meters.serialNumber,
      })
      .from(meterReadings)
      .innerJoin(meters, eq(meters.id, meterReadings.meterId))
      .where(eq(meterReadings.accountId, account.id))
      .orderBy(desc(meterReadings.period), desc(meterReadings.readOn))
      .limit(12);
    const links = await tx
      .select({
        name: users.name,
        email: users.email,
        role: accountLinks.role,
        linkedAt: accountLinks.verifiedAt,
      })
      .from(accountLinks)
      .innerJoin(users, eq(users.id, accountLinks.userId))
      .where(eq(accountLinks.accountId, account.id))
      .orderBy(asc(accountLinks.verifiedAt));

    await writeAudit(tx, actor, {
      action: 'staff.account_viewed',
      subjectType: 'service_account',
      subjectId: account.id,
    });

    return {
      id: account.id,
      accountNumber: account.accountNumber,
      utility: account.utility,
      status: account.status,
      holderName: account.holderName,
      openedOn: account.openedOn,
      premises: {
        address: { zh: account.addressZh, en: account.addressEn },
        district: { zh: account.districtZh, en: account.districtEn },
        householdSize: account.householdSize,
        lowIncome: account.lowIncomeCertificate !== null,
      },
      meters: accountMeters,
      readings,
      linkedUsers: links.map((l) => ({
        name: l.name,
        maskedEmail: maskEmail(l.email),
        role: l.role,
        linkedAt: l.linkedAt,
      })),
    };
  });
}
