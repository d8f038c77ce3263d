/** The training race's charts: loss curves over epochs, and per-layer gradient norms (log scale) at the current epoch. */
import type { EpochReport } from '../../engine/train.ts';
import { LogGrid } from './LogGrid.tsx';
import { linear, log10Scale, logExtent, pathOf } from './plot.ts';

const W = 560;
const H = 200;
const LEFT = 52;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 34;

export interface Series {
  key: string;
  label: string;
  history: readonly EpochReport[];
}

/** Binary cross-entropy per epoch, one line per runner. */
export function LossChart({ series, epochs, label }: { series: readonly Series[]; epochs: number; label: string }) {
  const maxLoss = Math.max(1, ...series.flatMap((s) => s.history.map((r) => (Number.isFinite(r.loss) ? r.loss : 0))));
  const yMax = Math.ceil(maxLoss * 2) / 2;
  const x = linear(0, epochs, LEFT, W - RIGHT);
  const y = linear(0, yMax, H - BOTTOM, TOP);
  const yTicks = Array.from({ length: Math.round(yMax / 0.5) + 1 }, (_, i) => i * 0.5);
  const xTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * epochs));
  return (
    <svg class="vg-plot" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-chart="loss">
      <g class="vg-axis">
        {yTicks.map((t) => (
          <g>
            <line x1={LEFT} x2={W - RIGHT} y1={y(t)} y2={y(t)} class="vg-faint" />
            <text x={LEFT - 6} y={y(t) + 4} text-anchor="end">{t.toFixed(1)}</text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text x={x(t)} y={H - BOTTOM + 16} text-anchor="middle">{t}</text>
        ))}
        <text x={(LEFT + W) / 2} y={H - 2} text-anchor="middle">epoch</text>
        <text x={LEFT + 6} y={TOP + 12}>loss</text>
      </g>
      {series.map((s, i) => (
        <path class={`vg-curve vg-runner-${i}`} d={pathOf(s.history.map((r) => [x(r.epoch), y(Math.min(r.loss, yMax))]))} />
      ))}
    </svg>
  );
}

/** ‖∂L/∂W‖ for every layer (hidden layers, then the output) at each runner's latest epoch. */
export function GradChart({ series, label }: { series: readonly Series[]; label: string }) {
  const latest = series.map((s) => s.history[s.history.length - 1]?.gradNorms.weight ?? []);
  const layers = Math.max(1, ...latest.map((g) => g.length));
  const [lo, hi] = logExtent(latest.flat());
  const x = linear(0.5, layers + 0.5, LEFT, W - RIGHT);
  const y = log10Scale(lo, hi, H - BOTTOM, TOP);
  return (
    <svg class="vg-plot" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-chart="grad">
      <g class="vg-axis">
        <LogGrid lo={lo} hi={hi} max={5} y={y} left={LEFT} right={W - RIGHT} />
        {Array.from({ length: layers }, (_, i) => (
          <text x={x(i + 1)} y={H - BOTTOM + 16} text-anchor="middle">{i + 1 === layers ? 'out' : i + 1}</text>
        ))}
        <text x={(LEFT + W) / 2} y={H - 2} text-anchor="middle">layer (‖∂L/∂W‖, log scale)</text>
      </g>
      {latest.map((g, i) => (
        <g class={`vg-runner-${i}`}>
          <path class="vg-curve" d={pathOf(g.map((v, l) => [x(l + 1), y(v)]))} />
          {g.map((v, l) => (v > 0 ? <circle class="vg-point" cx={x(l + 1)} cy={y(v)} r={3.5} /> : null))}
        </g>
      ))}
    </svg>
  );
}
