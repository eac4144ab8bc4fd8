import 'server-only';

export { getResidentDashboard, type TResidentDashboard } from './get-resident-dashboard';
