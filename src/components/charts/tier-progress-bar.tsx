export type TTierSegment = {
  key: string;
  /** Already formatted, e.g. "第一档 0–2,760 kWh · ¥0.538". */
  label: string;
  /** Share of the scale this segment takes (any positive number; normalised here). */
  span: number;
};

const TIER_FILLS = ['#d9eaff', '#fde68a', '#fecaca', '#e9d5ff'];

/**
 * A horizontal bar of consecutive tiers with a marker at the household's position. Plain SVG,
 * server-rendered; the page states the same facts in text.
 */
export function TierProgressBar({
  segments,
  position,
  markerLabel,
}: {
  segments: TTierSegment[];
  /** Where the marker sits, as a share of the total span (0–1). */
  position: number;
  markerLabel: string;
}) {
  const total = segments.reduce((sum, s) => sum + s.span, 0) || 1;
  const starts = segments.map((_, i) =>
    segments.slice(0, i).reduce((sum, s) => sum + (s.span / total) * 100, 0),
  );
  const at = Math.min(1, Math.max(0, position)) * 100;
  return (
    <svg
      viewBox="0 0 100 14"
      preserveAspectRatio="none"
      className="h-8 w-full max-w-3xl"
      role="img"
      aria-label={markerLabel}
    >
      {segments.map((segment, i) => {
        const width = (segment.span / total) * 100;
        const x = starts[i] ?? 0;
        return (
          <rect
            key={segment.key}
            x={x}
            y={2}
            width={width}
            height={10}
            fill={TIER_FILLS[i % TIER_FILLS.length]}
            stroke="#4a5363"
            strokeWidth={0.2}
          >
            <title>{segment.label}</title>
          </rect>
        );
      })}
      <rect x={0} y={5} width={at} height={4} fill="#0b5cad" />
      <rect x={Math.max(0, at - 0.4)} y={0} width={0.8} height={14} fill="#1a1f29" />
    </svg>
  );
}
