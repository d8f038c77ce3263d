/** A small line chart of one value per epoch, one line per network (the loss and accuracy curves). */
import { extent, frame, linePath, linearTicks, scale, tickLabel, type Point } from '../../charts/plot.ts';

// Margins fit the labels at a phone's larger type (islands.css): "100%" on the left, the top tick's label above,
// the axis title's descenders below.
const F = frame(560, 194, { left: 64, right: 12, top: 18, bottom: 40 });

export interface LineChartProps {
  /** One line per network, as [epoch, value]; index i gets network i's colour and dash. */
  lines: readonly (readonly Point[])[];
  epochs: number;
  /** Fixed y domain, or undefined to fit the values. */
  yDomain?: [number, number];
  yLabel: string;
  /** How a y tick reads. */
  yTick?: (v: number) => string;
  label: string;
  chart: string;
}

export function LineChart({ lines, epochs, yDomain, yLabel, yTick = (v) => tickLabel(v, false), label, chart }: LineChartProps) {
  const domain = yDomain ?? [
    0,
    Math.max(
      1,
      extent(
        lines.flatMap((l) => l.map((p) => p[1])),
        false,
        0,
      )[1],
    ),
  ];
  const x = scale([0, Math.max(1, epochs)], [F.left, F.right]);
  const y = scale(domain, [F.bottom, F.top]);
  return (
    <svg class="vg-plot" viewBox={`0 0 ${F.width} ${F.height}`} role="img" aria-label={label} data-chart={chart}>
      <g class="vg-axis">
        {linearTicks(domain[0], domain[1], 4).map((t) => (
          <g>
            <line x1={F.left} x2={F.right} y1={y(t)} y2={y(t)} class="vg-faint" />
            <text x={F.left - 6} y={y(t) + 4} text-anchor="end">
              {yTick(t)}
            </text>
          </g>
        ))}
        {linearTicks(0, epochs, 5).map((t) => (
          // The last epoch's label ends at the axis's end rather than hanging past the chart's edge.
          <text x={x(t)} y={F.bottom + 16} text-anchor={x(t) > F.right - 24 ? 'end' : 'middle'}>
            {tickLabel(t, false)}
          </text>
        ))}
        <text x={(F.left + F.width) / 2} y={F.height - 6} text-anchor="middle">
          epoch
        </text>
        <text x={F.left + 6} y={F.top + 12}>
          {yLabel}
        </text>
      </g>
      {lines.map((points, i) => {
        const clamped = points.map(([e, v]) => [e, Math.min(Math.max(v, domain[0]), domain[1])] as const);
        const last = clamped.at(-1);
        // A dot at the latest epoch: before any training the line is a single point, which a path does not draw.
        return (
          <g class={`vg-runner-${i}`}>
            <path class="vg-curve" d={linePath(clamped, x, y)} />
            {last && <circle class="vg-point" cx={x(last[0])} cy={y(last[1])} r={3.5} data-latest />}
          </g>
        );
      })}
    </svg>
  );
}
