/** A water drop or a lightning bolt; decorative, the utility's name is always written beside it. */
export function UtilityIcon({ utility }: { utility: 'water' | 'electricity' }) {
  const tone = utility === 'water' ? 'bg-sky-100 text-sky-700' : 'bg-amber-100 text-amber-700';
  return (
    <span
      aria-hidden="true"
      className={`inline-flex size-10 shrink-0 items-center justify-center rounded-full ${tone}`}
    >
      <svg viewBox="0 0 24 24" className="size-6" fill="currentColor">
        {utility === 'water' ? (
          <path d="M12 2.5c-.3 0-.6.2-.8.4C9.6 5 5.5 10.4 5.5 14.5a6.5 6.5 0 0 0 13 0c0-4.1-4.1-9.5-5.7-11.6a1 1 0 0 0-.8-.4Z" />
        ) : (
          <path d="M13.3 2.2a.8.8 0 0 0-1.4-.4L4.6 12.4a.8.8 0 0 0 .7 1.3h5.3l-1.1 8.1a.8.8 0 0 0 1.4.6l7.5-10.6a.8.8 0 0 0-.7-1.3h-5.4l1-8.3Z" />
        )}
      </svg>
    </span>
  );
}
