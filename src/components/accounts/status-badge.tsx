import { useTranslations } from '@/i18n/server';

/** The account status in words, coloured only as a second cue. */
export function StatusBadge({ status }: { status: 'active' | 'suspended' | 'closed' }) {
  const t = useTranslations('accounts');
  const tone = {
    active: 'bg-green-50 text-success border-success',
    suspended: 'bg-amber-50 text-amber-900 border-amber-600',
    closed: 'bg-slate-100 text-muted border-slate-400',
  }[status];
  return <span className={`pill ${tone}`}>{t(`status.${status}`)}</span>;
}
