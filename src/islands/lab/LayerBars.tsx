/** Grouped bars, one group per layer and one bar per network: the current gradient, saturated share or update ratio. */
import { frame, linearTicks, logTicks, scale, tickLabel } from '../../charts/plot.ts';
import { layerTick } from './names.ts';

// Margins fit the labels at a phone's larger type (islands.css): "100%" on the left, the highest tick's label
// above, the axis title's descenders below.
const F = frame(560, 184, { left: 60, right: 8, top: 18, bottom: 40 });

export interface LayerBarsProps {
  /** Per network, one value per layer. */
  values: readonly (readonly number[])[];
  /** Hidden layers; a value at index `hidden` is the output layer's. */
  hidden: number;
  domain: [number, number];
  log: boolean;
  /** A dashed reference line, such as the 10⁻³ rule of thumb for update ratios. */
  reference?: { value: number; label: string };
  yTick?: (v: number) => string;
  xLabel: string;
  label: string;
  chart: string;
}

export function LayerBars({
  values,
  hidden,
  domain,
  log,
  reference,
  yTick = (v) => tickLabel(v, log),
  xLabel,
  label,
  chart,
}: LayerBarsProps) {
  const layers = Math.max(1, ...values.map((v) => v.length));
  const nets = Math.max(1, values.length);
  const x = scale([0, layers], [F.left, F.right]);
  const y = scale(domain, [F.bottom, F.top], log);
  const group = (F.right - F.left) / layers;
  const barW = Math.max(1, (group - 4) / nets);
  const ticks = log ? logTicks(domain[0], domain[1], 5) : linearTicks(domain[0], domain[1], 4);
  const labelEvery = Math.max(1, Math.ceil(layers / 12));
  return (
    <svg class="vg-plot" viewBox={`0 0 ${F.width} ${F.height}`} role="img" aria-label={label} data-chart={chart}>
      <g class="vg-axis">
        {ticks.map((t) => (
          <g>
            <line x1={F.left} x2={F.right} y1={y(t)} y2={y(t)} class="vg-faint" />
            <text x={F.left - 6} y={y(t) + 4} text-anchor="end">
              {yTick(t)}
            </text>
          </g>
        ))}
        {Array.from({ length: layers }, (_, l) =>
          l % labelEvery === 0 || l === layers - 1 ? (
            <text x={x(l + 0.5)} y={F.bottom + 16} text-anchor="middle">
              {layerTick(l, hidden)}
            </text>
          ) : null,
        )}
        <text x={(F.left + F.width) / 2} y={F.height - 6} text-anchor="middle">
          {xLabel}
        </text>
      </g>
      {values.map((vs, i) => (
        <g class={`vg-runner-${i}`}>
          {vs.map((v, l) => {
            if (!Number.isFinite(v) || (log && !(v > 0))) return null;
            const top = y(Math.min(Math.max(v, domain[0]), domain[1]));
            return (
              <rect
                class="vg-lab-bar"
                x={x(l) + 2 + i * barW}
                y={top}
                width={Math.max(1, barW - 1)}
                height={Math.max(0.5, F.bottom - top)}
                data-layer={l + 1}
              />
            );
          })}
        </g>
      ))}
      {reference && reference.value >= domain[0] && reference.value <= domain[1] && (
        <g class="vg-axis">
          <line class="vg-lab-reference" x1={F.left} x2={F.right} y1={y(reference.value)} y2={y(reference.value)} />
          <text x={F.right - 4} y={y(reference.value) - 4} text-anchor="end">
            {reference.label}
          </text>
        </g>
      )}
    </svg>
  );
}
