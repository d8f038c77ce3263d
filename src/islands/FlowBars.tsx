/**
 * Each layer's signal relative to the top layer's (δₖ/δ_L, 1 at the top) as bars
 * on a log axis fitted to the values shown, whole decades from the smallest to
 * the largest (1 always included), so four layers' five decades fill the plot
 * rather than a sliver of a fixed 32-decade axis; the tick labels carry the
 * scale. The post's anchor network at the same depth is drawn as outlines behind.
 * A layer with no signal at all (0) has no bar, and the caption says so.
 */
import { frame, logTicks, scale, tickLabel } from '../charts/plot.ts';

const F = frame(560, 230, { left: 56, right: 8, top: 14, bottom: 36 });
/** The log axis for these values: whole decades from one below the smallest positive value up past the largest (1 included), at least two tall. */
export function flowAxis(values: readonly number[]): [number, number] {
  const shown = [1, ...values.filter((v) => v > 0 && Number.isFinite(v))];
  // One decade below the smallest value, so its bar has height to see.
  let lo = Math.floor(Math.log10(Math.min(...shown)) + 1e-9) - 1;
  let hi = Math.ceil(Math.log10(Math.max(...shown)) - 1e-9);
  if (hi - lo < 2) lo = hi - 2;
  // Below about 10⁻³⁰⁷ a decade is no longer a normal double; the smallest values stay at the floor.
  lo = Math.max(lo, -307);
  hi = Math.max(hi, lo + 2);
  return [10 ** lo, 10 ** hi];
}

export interface FlowBarsProps {
  perLayer: readonly number[];
  /** The anchor network's bars at the same depth, drawn as outlines; omitted when they are the bars themselves. */
  ghost?: readonly number[];
  label: string;
}

export function FlowBars({ perLayer, ghost, label }: FlowBarsProps) {
  const n = perLayer.length;
  const axis = flowAxis([...perLayer, ...(ghost ?? [])]);
  const y = scale(axis, [F.bottom, F.top], true);
  const x = scale([0, n], [F.left, F.right]);
  const labelEvery = Math.max(1, Math.ceil(n / 12));
  const slot = (F.right - F.left) / n;
  const barW = Math.max(1, slot - 2);
  const top = (v: number) => y(Math.min(Math.max(v, axis[0]), axis[1]));
  return (
    <svg class="vg-plot" viewBox={`0 0 ${F.width} ${F.height}`} role="img" aria-label={label} data-chart="flow">
      <g class="vg-axis">
        {logTicks(axis[0], axis[1], 9).map((t) => (
          <g>
            <line x1={F.left} x2={F.right} y1={y(t)} y2={y(t)} class={t === 1 ? undefined : 'vg-faint'} />
            <text x={F.left - 6} y={y(t) + 4} text-anchor="end">
              {tickLabel(t, true)}
            </text>
          </g>
        ))}
        {perLayer.map((_, i) =>
          (i + 1) % labelEvery === 0 || i === 0 ? (
            <text x={x(i + 0.5)} y={F.bottom + 16} text-anchor="middle">
              {i + 1}
            </text>
          ) : null,
        )}
        <text x={(F.left + F.width) / 2} y={F.height - 4} text-anchor="middle">
          layer
        </text>
      </g>
      {ghost?.map((v, i) =>
        v > 0 && Number.isFinite(v) ? (
          <rect class="vg-flow-ghost" x={x(i) + 1} y={top(v)} width={barW} height={Math.max(0.5, F.bottom - top(v))} data-ghost={i + 1} />
        ) : null,
      )}
      {perLayer.map((v, i) => {
        if (!(v > 0) || !Number.isFinite(v)) return null;
        return (
          <g data-layer={i + 1}>
            <rect
              class="vg-bar vg-flow-bar"
              x={x(i) + 1 + barW * 0.2}
              y={top(v)}
              width={barW * 0.6}
              height={Math.max(0.5, F.bottom - top(v))}
              data-layer={i + 1}
            />
          </g>
        );
      })}
    </svg>
  );
}
