/** The "this mail is not really sent" banner on every outbox page. */
export function OutboxBanner({ children }: { children: React.ReactNode }) {
  return (
    <p
      role="note"
      className="mb-6 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 font-medium text-amber-900"
    >
      {children}
    </p>
  );
}

const STATUS_STYLES = {
  queued: 'bg-slate-100 text-slate-800',
  sent: 'bg-green-50 text-success',
  held: 'bg-amber-50 text-amber-900',
  failed: 'bg-red-50 text-danger',
} as const;

export function OutboxStatus({
  status,
  label,
}: {
  status: keyof typeof STATUS_STYLES;
  label: string;
}) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${STATUS_STYLES[status]}`}
    >
      {label}
    </span>
  );
}
