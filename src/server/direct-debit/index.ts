import 'server-only';

export { getDirectDebitOverview } from './get-direct-debit-overview';
export { startMandateSetup, type TStartMandateSetupResult } from './start-mandate-setup';
export { cancelMandate, type TCancelMandateResult } from './cancel-mandate';
export { hasOwnLiveMandate } from './has-own-live-mandate';
export { fillMandateDetails } from './fill-mandate-details';
export { runCollectionDay, type TCollectionDayReport } from './run-collection-day';
export { startCollectionDay, type TStartCollectionDayResult } from './start-collection-day';
export {
  getStaffDirectDebitView,
  type TStaffCollection,
  type TStaffDirectDebitView,
} from './get-staff-direct-debit-view';
export { choosePaymentMethodTypes } from './choose-payment-method-types';
export type * from './types';
