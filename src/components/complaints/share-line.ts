/**
 * The SVG path segments of a month-by-month share line: one `M…L…` run per stretch of months
 * with data, so a month without data leaves a gap instead of a false slope.
 */
export function shareLineSegments(
  points: readonly { key: string; value: number | null }[],
  x: (key: string) => number | undefined,
  y: (value: number) => number,
): string[] {
  const segments: string[] = [];
  let current = '';
  for (const p of points) {
    if (p.value === null) {
      if (current) segments.push(current);
      current = '';
      continue;
    }
    current += `${current ? 'L' : 'M'}${x(p.key) ?? 0},${y(p.value)}`;
  }
  if (current) segments.push(current);
  return segments;
}
