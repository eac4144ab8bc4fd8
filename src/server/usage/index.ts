import 'server-only';

export { getUsageOverview, MIN_PEER_HOUSEHOLDS, USAGE_CHART_MONTHS } from './get-usage-overview';
export { getUsageExport, MAX_EXPORT_MONTHS, type TGetUsageExportResult } from './get-usage-export';
export { refreshPeerUsage } from './refresh-peer-usage';
export { refreshPeerUsageQueue, REFRESH_PEER_USAGE_QUEUE } from './refresh-peer-usage-job';
export { renderUsageCsv, type TUsageCsvLabels } from './render-usage-csv';
export { renderGreenButtonXml } from './render-green-button-xml';
export { addMonths, monthOf, monthsBetween, parseMonth, todayInShanghai } from './months';
export type * from './types';
