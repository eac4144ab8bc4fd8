import { scaleBand, scaleLinear } from 'd3-scale';

export type TChartBar = {
  key: string;
  /** Short label under the bar, e.g. "7月" / "Jul". */
  label: string;
  /** Null draws a "missing" marker instead of a bar. */
  value: number | null;
  /** `flag` highlights a bar (e.g. an estimated reading). */
  tone?: 'normal' | 'flag';
};

export type TChartLine = {
  key: string;
  label: string;
  /** One value per bar, in bar order; null leaves a gap. */
  values: (number | null)[];
  style: 'dashed' | 'dotted' | 'solid';
};

type TLayout = {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Label every n-th month so labels never overlap. */
  labelEvery: (bars: number) => number;
};

/**
 * Two drawings of one chart. The SVG scales to its box, so a 720-unit drawing on a 360 px phone
 * halved its 13-unit labels to 6.5 px: the phone gets its own narrower drawing, with the same
 * text size in units and fewer month labels, and CSS shows one or the other.
 */
const WIDE: TLayout = {
  width: 720,
  height: 300,
  margin: { top: 16, right: 12, bottom: 40, left: 56 },
  labelEvery: (n) => (n > 14 ? 2 : 1),
};
const NARROW: TLayout = {
  width: 360,
  height: 240,
  margin: { top: 12, right: 18, bottom: 34, left: 44 },
  labelEvery: (n) => (n > 18 ? 4 : n > 12 ? 3 : n > 6 ? 2 : 1),
};
const LINE_COLORS: Record<TChartLine['style'], string> = {
  dashed: '#b45309',
  dotted: '#067647',
  solid: '#6d28d9',
};
const DASH: Record<TChartLine['style'], string | undefined> = {
  dashed: '8 5',
  dotted: '2 4',
  solid: undefined,
};

/**
 * A monthly bar chart as plain server-rendered SVG (no client JavaScript), with optional
 * comparison lines. It is decorative for assistive technology beyond its title and summary:
 * pages must render the same numbers as a table next to it. Fed with plain numbers and
 * already-formatted labels, so usage pages, reports and PDFs can share it.
 */
export function MonthlyBarChart({
  title,
  summary,
  bars,
  lines = [],
  formatTick,
  missingLabel,
  legend,
}: {
  title: string;
  summary: string;
  bars: TChartBar[];
  lines?: TChartLine[];
  formatTick: (value: number) => string;
  /** Text drawn where a month has no value, e.g. "?" or "缺". */
  missingLabel: string;
  /** Legend entries for bars (normal, flagged, missing); lines use their own labels. */
  legend: { bar: string; flag?: string; missing?: string };
}) {
  const drawing = { title, summary, bars, lines, formatTick, missingLabel };
  return (
    <figure className="space-y-2">
      <ChartSvg
        {...drawing}
        layout={WIDE}
        variant="wide"
        className="hidden w-full max-w-3xl sm:block"
      />
      <ChartSvg {...drawing} layout={NARROW} variant="narrow" className="w-full sm:hidden" />
      <figcaption>
        <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
          <li className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block size-3 rounded-sm bg-[#0b5cad]" />
            {legend.bar}
          </li>
          {legend.flag && bars.some((b) => b.tone === 'flag') ? (
            <li className="flex items-center gap-2">
              <span aria-hidden="true" className="inline-block size-3 rounded-sm bg-[#f59e0b]" />
              {legend.flag}
            </li>
          ) : null}
          {legend.missing && bars.some((b) => b.value === null) ? (
            <li className="flex items-center gap-2">
              <span
                aria-hidden="true"
                className="inline-block size-3 rounded-sm border border-dashed border-[#b42318]"
              />
              {legend.missing}
            </li>
          ) : null}
          {lines.map((line) => (
            <li key={line.key} className="flex items-center gap-2">
              <svg aria-hidden="true" width="28" height="10" className="inline-block">
                <line
                  x1="0"
                  x2="28"
                  y1="5"
                  y2="5"
                  stroke={LINE_COLORS[line.style]}
                  strokeWidth="2.5"
                  strokeDasharray={DASH[line.style]}
                />
              </svg>
              {line.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function ChartSvg({
  title,
  summary,
  bars,
  lines,
  formatTick,
  missingLabel,
  layout,
  variant,
  className,
}: {
  title: string;
  summary: string;
  bars: TChartBar[];
  lines: TChartLine[];
  formatTick: (value: number) => string;
  missingLabel: string;
  layout: TLayout;
  variant: 'wide' | 'narrow';
  className: string;
}) {
  const { width: WIDTH, height: HEIGHT, margin: MARGIN } = layout;
  const all = [
    ...bars.map((b) => b.value ?? 0),
    ...lines.flatMap((l) => l.values.map((v) => v ?? 0)),
  ];
  const max = Math.max(1, ...all);
  const x = scaleBand<string>()
    .domain(bars.map((b) => b.key))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const y = scaleLinear()
    .domain([0, max])
    .nice(5)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const ticks = y.ticks(5);
  const band = x.bandwidth();
  const labelEvery = layout.labelEvery(bars.length);
  const titleId = `chart-${bars[0]?.key ?? 'empty'}-${bars.length}-${variant}-title`;
  const descId = `${titleId}-desc`;

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className={`h-auto ${className}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{summary}</desc>
      <g fontSize="13" fill="#4a5363">
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke="#e2e8f0"
            />
            <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {formatTick(tick)}
            </text>
          </g>
        ))}
      </g>
      <g>
        {bars.map((bar, index) => {
          const left = x(bar.key) ?? 0;
          const center = left + band / 2;
          return (
            <g key={bar.key}>
              {bar.value === null ? (
                <>
                  <rect
                    x={left}
                    y={HEIGHT - MARGIN.bottom - 24}
                    width={band}
                    height={24}
                    fill="none"
                    stroke="#b42318"
                    strokeDasharray="3 3"
                  />
                  <text
                    x={center}
                    y={HEIGHT - MARGIN.bottom - 12}
                    dy="0.32em"
                    textAnchor="middle"
                    fontSize="12"
                    fontWeight="700"
                    fill="#b42318"
                  >
                    {missingLabel}
                  </text>
                </>
              ) : (
                <rect
                  x={left}
                  y={y(bar.value)}
                  width={band}
                  height={Math.max(0, HEIGHT - MARGIN.bottom - y(bar.value))}
                  fill={bar.tone === 'flag' ? '#f59e0b' : '#0b5cad'}
                  rx={2}
                />
              )}
              {index % labelEvery === (bars.length - 1) % labelEvery ? (
                <text
                  x={center}
                  y={HEIGHT - MARGIN.bottom + 18}
                  textAnchor="middle"
                  fontSize="13"
                  fill="#1a1f29"
                >
                  {bar.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </g>
      {lines.map((line) => {
        const points = line.values.map((value, i) => {
          const bar = bars[i];
          if (value === null || !bar) return null;
          return { x: (x(bar.key) ?? 0) + band / 2, y: y(value) };
        });
        // Break the path at gaps.
        const d = points
          .map((p, i) =>
            p ? `${points[i - 1] ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}` : '',
          )
          .join('');
        return (
          <g key={line.key}>
            <path
              d={d}
              fill="none"
              stroke={LINE_COLORS[line.style]}
              strokeWidth={2.5}
              strokeDasharray={DASH[line.style]}
            />
            {points.map((p, i) =>
              p ? <circle key={i} cx={p.x} cy={p.y} r={3} fill={LINE_COLORS[line.style]} /> : null,
            )}
          </g>
        );
      })}
      <line
        x1={MARGIN.left}
        x2={WIDTH - MARGIN.right}
        y1={HEIGHT - MARGIN.bottom}
        y2={HEIGHT - MARGIN.bottom}
        stroke="#4a5363"
      />
    </svg>
  );
}
