import { getTranslations } from '@/i18n/server';

/**
 * A committed deadline as text, computed on the server at request time: "还剩 3 小时 12 分 ·
 * 承诺时限 11月28日 17:00", "已超时 …", or "已于 … 完成". No JavaScript; reload to update.
 */
export async function DeadlineCountdown({
  label,
  due,
  doneAt,
  now,
  closed,
}: {
  label: string;
  due: Date;
  doneAt: Date | null;
  now: Date;
  closed: boolean;
}) {
  const t = await getTranslations('complaints.deadline');
  let state: 'done' | 'overdue' | 'running' = 'running';
  let text: string;
  if (doneAt) {
    state = 'done';
    text = t('met', { at: doneAt });
  } else if (closed) {
    state = 'done';
    text = '';
  } else {
    const minutesLeft = Math.trunc((due.getTime() - now.getTime()) / 60_000);
    const abs = Math.abs(minutesLeft);
    const hours = Math.floor(abs / 60);
    const minutes = abs % 60;
    if (minutesLeft < 0) {
      state = 'overdue';
      text = t('overdue', { hours, minutes });
    } else if (hours >= 48) {
      text = t('remainingDays', { days: Math.floor(hours / 24), hours: hours % 24 });
    } else {
      text = t('remaining', { hours, minutes });
    }
  }
  const tone = {
    done: 'border-success bg-green-50',
    overdue: 'border-danger bg-red-50',
    running: 'border-brand-600 bg-brand-50',
  }[state];
  return (
    <div className={`rounded-md border-l-4 px-3 py-2 ${tone}`} data-testid="deadline">
      <p className="font-semibold">{label}</p>
      {text ? (
        <p className={state === 'overdue' ? 'text-danger font-semibold' : 'text-lg font-semibold'}>
          {text}
        </p>
      ) : null}
      <p className="text-muted text-sm">{t('dueAt', { due })}</p>
    </div>
  );
}
