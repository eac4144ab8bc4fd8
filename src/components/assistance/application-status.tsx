import type { TApplicationStatus } from '@/server/assistance';

const STYLES: Record<TApplicationStatus, string> = {
  draft: 'bg-slate-100 text-slate-800',
  submitted: 'bg-brand-50 text-brand-800',
  info_requested: 'bg-amber-100 text-amber-900',
  approved: 'bg-green-100 text-green-900',
  rejected: 'bg-red-100 text-red-900',
  withdrawn: 'bg-slate-100 text-slate-800',
};

/** The application's status as a word, never as a colour alone. */
export function ApplicationStatus({
  status,
  label,
}: {
  status: TApplicationStatus;
  label: string;
}) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${STYLES[status]}`}>
      {label}
    </span>
  );
}
