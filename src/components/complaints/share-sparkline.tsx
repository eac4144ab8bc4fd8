import { scaleLinear, scalePoint } from 'd3-scale';
import { shareLineSegments } from './share-line';

const WIDTH = 120;
const HEIGHT = 36;
const PAD = 4;

/**
 * A small month-by-month line of a share (0–1) for a table cell, as server-rendered SVG.
 * Months without data leave a gap. Its label carries every value in words, so it says the same
 * to a screen reader as to the eye.
 */
export function ShareSparkline({
  label,
  points,
}: {
  label: string;
  points: { key: string; value: number | null }[];
}) {
  const x = scalePoint<string>()
    .domain(points.map((p) => p.key))
    .range([PAD, WIDTH - PAD]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([HEIGHT - PAD, PAD]);
  const segments = shareLineSegments(points, x, y);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
      className="inline-block align-middle"
    >
      <line x1={PAD} x2={WIDTH - PAD} y1={y(1)} y2={y(1)} stroke="#cbd5e1" />
      <line x1={PAD} x2={WIDTH - PAD} y1={y(0)} y2={y(0)} stroke="#cbd5e1" />
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="#0b5cad" strokeWidth="2" />
      ))}
      {points.map((p) =>
        p.value === null ? null : (
          <circle key={p.key} cx={x(p.key)} cy={y(p.value)} r="2.5" fill="#0b5cad" />
        ),
      )}
    </svg>
  );
}
