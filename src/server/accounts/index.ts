import 'server-only';

export { linkServiceAccount, linkThrottleRule } from './link-service-account';
export type { TLinkServiceAccountResult } from './link-service-account';
export { unlinkServiceAccount } from './unlink-service-account';
export type { TUnlinkServiceAccountResult } from './unlink-service-account';
export { linkedAccountsSummaryPart, listLinkedAccounts } from './list-linked-accounts';
export { getLinkedAccount } from './get-linked-account';
export { listAccountReadings } from './list-account-readings';
export { getResidentGreeting } from './get-resident-greeting';
export { linkOf } from './link-of';
export type * from './types';
