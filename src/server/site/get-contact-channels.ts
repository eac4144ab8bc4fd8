import 'server-only';
import { env } from '@/env';
import type { TLocale } from '@/lib/locale';

export type TContactChannels = {
  utilityName: string;
  hotlines: { utility: 'water' | 'electricity'; number: string }[];
  hours: string;
  email: string;
};

/** The utility's contact channels are configuration (see .env.example), shown on every page. */
export function getContactChannels(locale: TLocale): TContactChannels {
  return {
    utilityName: locale === 'en' ? env.UTILITY_NAME_EN : env.UTILITY_NAME_ZH,
    hotlines: [
      { utility: 'water', number: env.HOTLINE_WATER },
      { utility: 'electricity', number: env.HOTLINE_ELECTRICITY },
    ],
    hours: env.HOTLINE_HOURS,
    email: env.SUPPORT_EMAIL,
  };
}
