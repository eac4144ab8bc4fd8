import { useFormatter, useLocale, useTranslations } from '@/i18n/server';
import { toLocale } from '@/lib/locale';
import type { TNoticeChange } from '@/server/notices';

/**
 * One revision or the cancellation of a notice in words: when, what changed (times from → to,
 * areas added or removed, texts) and the reason staff gave. No staff names.
 */
export function NoticeChangeSummary({ change }: { change: TNoticeChange }) {
  const t = useTranslations('notices');
  const format = useFormatter();
  const locale = toLocale(useLocale());
  const at = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  const names = (districts: readonly { zh: string; en: string }[]) =>
    districts.map((d) => (locale === 'en' ? d.en : d.zh)).join(t('area.joiner'));
  const c = change.changes;
  const lines = [
    c.startsAt ? t('change.startsAt', { from: at(c.startsAt.from), to: at(c.startsAt.to) }) : null,
    c.endsAt ? t('change.endsAt', { from: at(c.endsAt.from), to: at(c.endsAt.to) }) : null,
    c.districtsAdded ? t('change.districtsAdded', { names: names(c.districtsAdded) }) : null,
    c.districtsRemoved ? t('change.districtsRemoved', { names: names(c.districtsRemoved) }) : null,
    c.accountsAdded ? t('change.accountsAdded', { count: c.accountsAdded }) : null,
    c.accountsRemoved ? t('change.accountsRemoved', { count: c.accountsRemoved }) : null,
    c.emergency ? t(c.emergency.to ? 'change.emergencyOn' : 'change.emergencyOff') : null,
    c.text ? t('change.text') : null,
  ].filter((line): line is string => line !== null);
  const when = format.dateTime(change.at, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="space-y-1">
      <p className="font-medium">
        {change.kind === 'cancelled'
          ? t('change.cancelledOn', { date: when })
          : t('change.revisedOn', { date: when })}
      </p>
      {lines.length ? (
        <ul className="list-disc pl-6">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <p>
        {t('change.reason')}
        <span lang="zh-CN">{change.reason}</span>
      </p>
    </div>
  );
}
