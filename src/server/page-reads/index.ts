import 'server-only';

export { getResidentDashboard, type TResidentDashboard } from './get-resident-dashboard';
export { getBillPage } from './get-bill-page';
