import 'server-only';
import type { TUsageExport, TUsageExportRow } from './types';

export type TUsageCsvLabels = {
  header: { month: string; usage: string; unit: string; status: string; readOn: string };
  status: Record<TUsageExportRow['status'], string>;
};

function cell(value: string): string {
  // Quote when needed; a leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * One row per month with a reading: month (YYYY-MM), usage, unit, how it was read, read date.
 * UTF-8 with a byte-order mark so spreadsheet programs read the Chinese headers correctly.
 */
export function renderUsageCsv(usageExport: TUsageExport, labels: TUsageCsvLabels): string {
  const { header } = labels;
  const lines = [
    [header.month, header.usage, header.unit, header.status, header.readOn].map(cell).join(','),
    ...usageExport.rows.map((r) =>
      [r.period.slice(0, 7), r.usage, usageExport.account.unit, labels.status[r.status], r.readOn]
        .map(cell)
        .join(','),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
