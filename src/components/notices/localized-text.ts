import type { TLocale } from '@/lib/locale';

/**
 * A notice text in the reader's language. English is optional: without it the Chinese text is
 * shown, marked `lang="zh-CN"` for screen readers, and the page says it is only in Chinese.
 */
export function localizedText(
  text: { zh: string; en: string | null },
  locale: TLocale,
): { value: string; lang: TLocale; fellBack: boolean } {
  if (locale === 'en' && text.en) return { value: text.en, lang: 'en', fellBack: false };
  return { value: text.zh, lang: 'zh-CN', fellBack: locale === 'en' };
}
