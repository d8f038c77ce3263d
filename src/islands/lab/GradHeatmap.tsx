/**
 * Nielsen's plot as a heatmap: one row per layer (layer 1 at the bottom, the
 * output on top), one column per stretch of epochs, colour = log of the
 * gradient norm on a scale shared by every network, so a dark band low in the
 * picture is a layer that gets no gradient for as long as the band lasts.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { EpochReport } from '../../../engine/train.ts';
import { tickLabel } from '../../charts/plot.ts';
import { GRAD_NAME, layerTick, networkLetter } from './names.ts';

/** Most columns a heatmap draws; longer runs share a column between neighbouring epochs (the last one's value). */
const MOST_COLUMNS = 300;

/** A perceptual dark-to-light ramp (viridis' five anchor colours), readable in both themes and for colour-blind readers. */
const RAMP = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
] as const;
export const RAMP_CSS = `linear-gradient(to right, ${RAMP.map((c) => `rgb(${c.join(',')})`).join(', ')})`;

/** The ramp's colour at t ∈ [0, 1]. */
export function rampColor(t: number): [number, number, number] {
  const u = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(u));
  const f = u - i;
  const [a, b] = [RAMP[i]!, RAMP[i + 1]!];
  return [0, 1, 2].map((k) => Math.round(a[k]! + (b[k]! - a[k]!) * f)) as [number, number, number];
}

/** The ramp at 256 steps, as r, g, b triples: looked up per cell instead of interpolated. */
const LUT = (() => {
  const out = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) out.set(rampColor(i / 255), 3 * i);
  return out;
})();

export interface GradHeatmapProps {
  index: number;
  name: string;
  history: readonly EpochReport[];
  epochs: number;
  /** The shared colour domain, [lo, hi] with lo > 0. */
  domain: [number, number];
  /** Renders once per change of this. */
  version: number;
  summary: string;
}

export function GradHeatmap({ index, name, history, epochs, domain, version, summary }: GradHeatmapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const layers = history[0]?.gradNorms.weight.length ?? 0;
  const columns = Math.min(MOST_COLUMNS, epochs + 1);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || layers === 0) return;
    const image = ctx.createImageData(columns, layers);
    const [l0, l1] = [Math.log10(domain[0]), Math.log10(domain[1])];
    for (let c = 0; c < columns; c++) {
      // The last epoch that falls in this column.
      const epoch = Math.min(epochs, Math.floor(((c + 1) * (epochs + 1)) / columns) - 1);
      const report = history[epoch];
      for (let l = 0; l < layers; l++) {
        const px = 4 * ((layers - 1 - l) * columns + c);
        if (!report) continue;
        const v = report.gradNorms.weight[l]!;
        const t = v > 0 ? (Math.log10(v) - l0) / (l1 - l0) : 0;
        const k = 3 * Math.round(255 * Math.min(1, Math.max(0, t)));
        image.data[px] = LUT[k]!;
        image.data[px + 1] = LUT[k + 1]!;
        image.data[px + 2] = LUT[k + 2]!;
        image.data[px + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
  }, [version, layers, columns, domain[0], domain[1]]);

  const hidden = layers - 1;
  // One height for the canvas and its row labels, so each label sits on its row.
  const height = `${Math.max(4, layers * 1.1)}rem`;
  return (
    <figure class={`vg-lab-heat vg-runner-${index}`} data-chart="heatmap">
      <figcaption>
        <span class="vg-lab-swatch" aria-hidden="true" /> Network {networkLetter(index)}: {name}
      </figcaption>
      <div class="vg-lab-heat-body">
        <div class="vg-lab-heat-y" aria-hidden="true" style={{ height }}>
          {Array.from({ length: layers }, (_, k) => (
            <span>{layerTick(layers - 1 - k, hidden)}</span>
          ))}
        </div>
        <canvas ref={canvas} width={columns} height={Math.max(1, layers)} role="img" aria-label={summary} style={{ height }}>
          {summary}
        </canvas>
      </div>
      <div class="vg-lab-heat-x" aria-hidden="true">
        <span>0</span>
        <span>epoch</span>
        <span>{tickLabel(epochs, false)}</span>
      </div>
    </figure>
  );
}

/** The colour key shared by the heatmaps: decades of the gradient norm along the ramp. */
export function HeatLegend({ domain }: { domain: [number, number] }) {
  const [l0, l1] = [Math.log10(domain[0]), Math.log10(domain[1])];
  const every = Math.max(1, Math.ceil((l1 - l0) / 6));
  const ticks: number[] = [];
  for (let k = Math.ceil(l0); k <= l1; k += every) ticks.push(k);
  return (
    <div class="vg-lab-heat-legend" aria-hidden="true">
      <span class="vg-lab-heat-legend-name">{GRAD_NAME}</span>
      <div class="vg-lab-heat-ramp" style={{ background: RAMP_CSS }} />
      <div class="vg-lab-heat-ticks">
        {ticks.map((k) => {
          const at = (k - l0) / (l1 - l0 || 1);
          // A label at either end of the ramp lines up with that end instead of hanging past it (where it was cut off).
          const edge = at <= 0.02 ? 'start' : at >= 0.98 ? 'end' : undefined;
          return (
            <span style={{ left: `${at * 100}%` }} data-edge={edge}>
              {tickLabel(10 ** k, true)}
            </span>
          );
        })}
      </div>
    </div>
  );
}
