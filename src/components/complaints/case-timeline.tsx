import { getFormatter, getTranslations } from '@/i18n/server';
import type { TComplaintDepartment, TComplaintStatus } from '@/server/complaints';
import type { TTimelineEvent } from '@/server/complaints';

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * A case's history, oldest first. Texts typed by people are rendered as text (React escapes
 * them), so HTML or script in a description shows as the characters typed.
 */
export async function CaseTimeline({
  complaintId,
  category,
  events,
  audience,
}: {
  complaintId: number;
  category: string;
  events: TTimelineEvent[];
  audience: 'resident' | 'staff';
}) {
  const t = await getTranslations('complaints');
  const format = await getFormatter();
  const describe = (e: TTimelineEvent): string => {
    switch (e.kind) {
      case 'assigned':
        return t('event.assigned', { assignee: String(e.detail.assignee ?? '') });
      case 'routed':
        return t('event.routed', {
          to: t(`department.${String(e.detail.to) as TComplaintDepartment}`),
        });
      case 'status_changed':
        return t('event.status_changed', {
          to: t(`status.${String(e.detail.to) as TComplaintStatus}`),
        });
      case 'escalated':
        return e.detail.deadline === 'first_response'
          ? t('event.escalatedFirstResponse', {
              label: t(`deadline.firstResponse.${category as 'fault'}`),
            })
          : t('event.escalatedAnswer', { label: t(`deadline.answer.${category as 'fault'}`) });
      case 'rated':
        return t('event.rated', { rating: Number(e.detail.rating ?? 0) });
      case 'reopened':
        return e.detail.reason === 'dissatisfied'
          ? t('event.reopenedDissatisfied')
          : t('event.reopened');
      default:
        return t(`event.${e.kind}`);
    }
  };
  const who = (e: TTimelineEvent) =>
    e.by === 'resident'
      ? audience === 'resident'
        ? t('event.by.resident')
        : t('event.by.residentStaff')
      : e.by === 'staff'
        ? (e.staffName ?? t('event.by.staff'))
        : t('event.by.system');
  // One download route for both audiences; it checks who is asking.
  const base = `/complaints/${complaintId}`;
  return (
    <ol className="space-y-4 border-l-2 border-slate-300 pl-5">
      {events.map((e) => (
        <li
          key={e.id}
          className={`relative rounded-md p-3 ${e.internal ? 'border border-dashed border-amber-600 bg-amber-50' : 'bg-slate-50'}`}
        >
          <span
            aria-hidden="true"
            className="bg-brand-600 absolute top-4 -left-[27px] size-3 rounded-full"
          />
          <p className="font-semibold">
            {describe(e)}
            {e.internal ? (
              <span className="ml-2 rounded bg-amber-200 px-2 py-0.5 text-sm font-medium text-amber-950">
                {t('event.internal')}
              </span>
            ) : null}
          </p>
          <p className="text-muted text-sm">
            {who(e)} ·{' '}
            <time dateTime={e.at.toISOString()}>
              {format.dateTime(e.at, { dateStyle: 'medium', timeStyle: 'short' })}
            </time>
          </p>
          {e.body ? <p className="mt-2 whitespace-pre-wrap">{e.body}</p> : null}
          {e.attachments.length > 0 ? (
            <ul className="mt-2 space-y-1">
              {e.attachments.map((a) => (
                <li key={a.id}>
                  <a
                    href={`${base}/attachments/${a.id}`}
                    className="inline-flex min-h-11 items-center"
                  >
                    {t('detail.attachment', { name: a.name, size: formatSize(a.sizeBytes) })}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
