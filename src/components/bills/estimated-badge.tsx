export function EstimatedBadge({ children }: { children: string }) {
  return (
    <span className="ml-2 inline-block rounded bg-amber-100 px-1.5 text-sm font-medium text-amber-900">
      {children}
    </span>
  );
}
