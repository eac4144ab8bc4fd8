import { getFormatter, getTranslations } from '@/i18n/server';

/** "3 Dec 2026, 09:00 to 3 Dec 2026, 17:00" in the reader's language, Beijing time. */
export async function NoticeTimeRange({ startsAt, endsAt }: { startsAt: Date; endsAt: Date }) {
  const t = await getTranslations('notices');
  const format = await getFormatter();
  const at = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' });
  return <span>{t('when.range', { start: at(startsAt), end: at(endsAt) })}</span>;
}
