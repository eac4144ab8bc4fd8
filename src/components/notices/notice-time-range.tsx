import { useFormatter, useTranslations } from '@/i18n/server';

/** "3 Dec 2026, 09:00 to 3 Dec 2026, 17:00" in the reader's language, Beijing time. */
export function NoticeTimeRange({ startsAt, endsAt }: { startsAt: Date; endsAt: Date }) {
  const t = useTranslations('notices');
  const format = useFormatter();
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return <>{t('when.range', { start: at(startsAt), end: at(endsAt) })}</>;
}
