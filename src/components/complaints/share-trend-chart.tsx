import { scaleLinear, scalePoint } from 'd3-scale';
import { shareLineSegments } from './share-line';

const WIDTH = 640;
const HEIGHT = 200;
const M = { top: 12, right: 16, bottom: 32, left: 48 };

/**
 * A month-by-month line of a share (0–1) as server-rendered SVG. Months without data leave a
 * gap. It carries a title and a text summary; the page shows the same numbers in a table.
 */
export function ShareTrendChart({
  id,
  title,
  summary,
  points,
}: {
  id: string;
  title: string;
  summary: string;
  points: { key: string; label: string; value: number | null }[];
}) {
  const x = scalePoint<string>()
    .domain(points.map((p) => p.key))
    .range([M.left, WIDTH - M.right])
    .padding(0.3);
  const y = scaleLinear()
    .domain([0, 1])
    .range([HEIGHT - M.bottom, M.top]);
  const segments = shareLineSegments(points, x, y);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="h-auto w-full max-w-2xl"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {[0, 0.5, 1].map((tick) => (
        <g key={tick}>
          <line x1={M.left} x2={WIDTH - M.right} y1={y(tick)} y2={y(tick)} stroke="#cbd5e1" />
          <text x={M.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#4a5363">
            {Math.round(tick * 100)}%
          </text>
        </g>
      ))}
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="#0b5cad" strokeWidth="3" />
      ))}
      {points.map((p) =>
        p.value === null ? null : (
          <circle key={p.key} cx={x(p.key)} cy={y(p.value)} r="4" fill="#0b5cad" />
        ),
      )}
      {points.map((p, i) =>
        i % 2 === points.length % 2 ? null : (
          <text
            key={p.key}
            x={x(p.key)}
            y={HEIGHT - 10}
            textAnchor="middle"
            fontSize="12"
            fill="#4a5363"
          >
            {p.label}
          </text>
        ),
      )}
    </svg>
  );
}
