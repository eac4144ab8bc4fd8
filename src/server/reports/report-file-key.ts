import 'server-only';
import type { TLocale } from '@/lib/locale';

/** Where an annual report's PDF lives in the file store. */
export function reportFileKey(input: { accountId: number; year: number; locale: TLocale }): string {
  return `reports/${input.year}/${input.accountId}-${input.locale}.pdf`;
}
