/** A log-scale SVG bar chart of one positive value per layer (layer 1 on the left). */
import { LogGrid } from './LogGrid.tsx';
import { linear, log10Scale, logExtent } from './plot.ts';

const W = 560;
const H = 220;
const LEFT = 56;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 36;

export function FlowBars({ perLayer, label }: { perLayer: readonly number[]; label: string }) {
  const n = perLayer.length;
  const [floor, hi] = logExtent(perLayer);
  // Leave a decade below the smallest bar when it sits near the floor, so every bar stays visible.
  const smallest = Math.min(...perLayer.filter((v) => v > 0 && Number.isFinite(v)), hi);
  const lo = smallest < floor * 2 ? floor / 10 : floor;
  const y = log10Scale(lo, hi, H - BOTTOM, TOP);
  const x = linear(0, n, LEFT, W - RIGHT);
  const labelEvery = Math.max(1, Math.ceil(n / 12));
  const barW = Math.max(1, (W - LEFT - RIGHT) / n - 2);
  return (
    <svg class="vg-plot" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} data-chart="flow">
      <g class="vg-axis">
        <LogGrid lo={lo} hi={hi} max={6} y={y} left={LEFT} right={W - RIGHT} />
        {perLayer.map((_, i) =>
          (i + 1) % labelEvery === 0 || i === 0 ? (
            <text x={x(i + 0.5)} y={H - BOTTOM + 16} text-anchor="middle">{i + 1}</text>
          ) : null,
        )}
        <text x={(LEFT + W) / 2} y={H - 4} text-anchor="middle">layer</text>
      </g>
      {perLayer.map((v, i) =>
        v > 0 && Number.isFinite(v) ? (
          <rect class="vg-bar" x={x(i) + 1} y={y(v)} width={barW} height={Math.max(0.5, H - BOTTOM - y(v))} data-layer={i + 1} />
        ) : null,
      )}
    </svg>
  );
}
