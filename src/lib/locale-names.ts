import type { TLocale } from './locale';

/** Each language is named in itself, so a reader of either can find theirs. */
export const LOCALE_NAMES: Record<TLocale, string> = { 'zh-CN': '中文', en: 'English' };
