/**
 * |∂a_L/∂a_k| (the post's measure, L the top hidden layer) per layer as bars on a fixed log axis (10⁻²⁴ to 10⁸, the same for every
 * setting, so w = 0.1 and w = 2 look as different as they are), with the
 * post's anchor network at the same depth drawn as outlines behind them.
 * A value beyond the axis is drawn to its edge with an arrow.
 */
import { frame, logTicks, scale, tickLabel } from '../charts/plot.ts';

const F = frame(560, 230, { left: 56, right: 8, top: 14, bottom: 36 });
/** The fixed axis: every value is relative to the last layer's 1, so this spans 24 decades of vanishing and 8 of explosion. */
export const FLOW_AXIS: [number, number] = [1e-24, 1e8];

export interface FlowBarsProps {
  perLayer: readonly number[];
  /** The anchor network's bars at the same depth, drawn as outlines; omitted when they are the bars themselves. */
  ghost?: readonly number[];
  label: string;
}

export function FlowBars({ perLayer, ghost, label }: FlowBarsProps) {
  const n = perLayer.length;
  const y = scale(FLOW_AXIS, [F.bottom, F.top], true);
  const x = scale([0, n], [F.left, F.right]);
  const labelEvery = Math.max(1, Math.ceil(n / 12));
  const slot = (F.right - F.left) / n;
  const barW = Math.max(1, slot - 2);
  const top = (v: number) => y(Math.min(Math.max(v, FLOW_AXIS[0]), FLOW_AXIS[1]));
  return (
    <svg class="vg-plot" viewBox={`0 0 ${F.width} ${F.height}`} role="img" aria-label={label} data-chart="flow">
      <g class="vg-axis">
        {logTicks(FLOW_AXIS[0], FLOW_AXIS[1], 9).map((t) => (
          <g>
            <line x1={F.left} x2={F.right} y1={y(t)} y2={y(t)} class={t === 1 ? undefined : 'vg-faint'} />
            <text x={F.left - 6} y={y(t) + 4} text-anchor="end">{tickLabel(t, true)}</text>
          </g>
        ))}
        {perLayer.map((_, i) =>
          (i + 1) % labelEvery === 0 || i === 0 ? <text x={x(i + 0.5)} y={F.bottom + 16} text-anchor="middle">{i + 1}</text> : null,
        )}
        <text x={(F.left + F.width) / 2} y={F.height - 4} text-anchor="middle">layer</text>
      </g>
      {ghost?.map((v, i) =>
        v > 0 && Number.isFinite(v) ? (
          <rect class="vg-flow-ghost" x={x(i) + 1} y={top(v)} width={barW} height={Math.max(0.5, F.bottom - top(v))} data-ghost={i + 1} />
        ) : null,
      )}
      {perLayer.map((v, i) => {
        if (!(v > 0) || !Number.isFinite(v)) return null;
        const beyond = v > FLOW_AXIS[1] ? 'up' : v < FLOW_AXIS[0] ? 'down' : undefined;
        const cx = x(i) + 1 + barW / 2;
        return (
          <g data-layer={i + 1}>
            <rect class="vg-bar vg-flow-bar" x={x(i) + 1 + barW * 0.2} y={top(v)} width={barW * 0.6} height={Math.max(0.5, F.bottom - top(v))} data-layer={i + 1} />
            {beyond === 'up' && <path class="vg-flow-beyond" d={`M${cx - 5},${F.top + 2}L${cx},${F.top - 6}L${cx + 5},${F.top + 2}Z`} />}
            {beyond === 'down' && <path class="vg-flow-beyond" d={`M${cx - 5},${F.bottom - 8}L${cx},${F.bottom}L${cx + 5},${F.bottom - 8}Z`} />}
          </g>
        );
      })}
    </svg>
  );
}
