export const LOCALES = ['zh-CN', 'en'] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = 'zh-CN';
export const LOCALE_COOKIE = 'NEXT_LOCALE';
/** `large` turns on the elder-friendly large-text mode. */
export const TEXT_SIZE_COOKIE = 'wj_text';
export const TIME_ZONE = 'Asia/Shanghai';

export function toLocale(value: string | undefined | null): TLocale {
  return LOCALES.find((l) => l === value) ?? DEFAULT_LOCALE;
}
