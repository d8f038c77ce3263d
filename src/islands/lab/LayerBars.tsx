/** Grouped bars, one group per layer and one bar per network: the current gradient, saturated share or update ratio. */
import { linearTicks, logTicks, scale, tickLabel } from '../../charts/plot.ts';
import { layerTick } from './names.ts';

const W = 560;
const H = 180;
const LEFT = 56;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 36;

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

export function LayerBars({ values, hidden, domain, log, reference, yTick = (v) => tickLabel(v, log), xLabel, label, chart }: LayerBarsProps) {
  const layers = Math.max(1, ...values.map((v) => v.length));
  const nets = Math.max(1, values.length);
  const x = scale([0, layers], [LEFT, W - RIGHT]);
  const y = scale(domain, [H - BOTTOM, TOP], log);
  const group = (W - LEFT - RIGHT) / layers;
  const barW = Math.max(1, (group - 4) / nets);
  const ticks = log ? logTicks(domain[0], domain[1], 5) : linearTicks(domain[0], domain[1], 4);
  const labelEvery = Math.max(1, Math.ceil(layers / 12));
  return (
    <svg class="vg-plot" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-chart={chart}>
      <g class="vg-axis">
        {ticks.map((t) => (
          <g>
            <line x1={LEFT} x2={W - RIGHT} y1={y(t)} y2={y(t)} class="vg-faint" />
            <text x={LEFT - 6} y={y(t) + 4} text-anchor="end">{yTick(t)}</text>
          </g>
        ))}
        {Array.from({ length: layers }, (_, l) =>
          l % labelEvery === 0 || l === layers - 1 ? <text x={x(l + 0.5)} y={H - BOTTOM + 16} text-anchor="middle">{layerTick(l, hidden)}</text> : null,
        )}
        <text x={(LEFT + W) / 2} y={H - 3} text-anchor="middle">{xLabel}</text>
      </g>
      {values.map((vs, i) => (
        <g class={`vg-runner-${i}`}>
          {vs.map((v, l) => {
            if (!Number.isFinite(v) || (log && !(v > 0))) return null;
            const top = y(Math.min(Math.max(v, domain[0]), domain[1]));
            return <rect class="vg-lab-bar" x={x(l) + 2 + i * barW} y={top} width={Math.max(1, barW - 1)} height={Math.max(0.5, H - BOTTOM - top)} data-layer={l + 1} />;
          })}
        </g>
      ))}
      {reference && reference.value >= domain[0] && reference.value <= domain[1] && (
        <g class="vg-axis">
          <line class="vg-lab-reference" x1={LEFT} x2={W - RIGHT} y1={y(reference.value)} y2={y(reference.value)} />
          <text x={W - RIGHT - 4} y={y(reference.value) - 4} text-anchor="end">{reference.label}</text>
        </g>
      )}
    </svg>
  );
}
