/**
 * One network's decision map: each grid cell tinted with the class it
 * predicts, the tint's strength its confidence |2p − 1|, the 0.5 contour
 * drawn, and the data on top. A network that answers about one half
 * everywhere shows as a pale map, and its caption says so with the range of p.
 */
import { useEffect, useRef } from 'preact/hooks';
import { GRID } from '../../lesson-data/race-config.ts';
import { formatNumber } from '../../../engine/format.ts';
import { networkLetter, percent } from './names.ts';
import type { DecisionGrid, LabData } from './protocol.ts';

const SIZE = 192;
/** Class 0 and class 1 (orange and blue): told apart by colour-blind readers and in both themes. */
export const CLASS_COLORS = [
  [230, 120, 20],
  [40, 110, 230],
] as const;
/** Below this spread of P(class 1) over the whole map the network is called nearly constant. */
const NEARLY_CONSTANT = 0.1;

export interface DecisionMapProps {
  index: number;
  name: string;
  grid: DecisionGrid | undefined;
  data: LabData | undefined;
  accuracy: number;
  epoch: number;
}

/** The smallest and largest P(class 1) over the map. */
export function gridRange(grid: ArrayLike<number>): [number, number] {
  let lo = 1;
  let hi = 0;
  for (let i = 0; i < grid.length; i++) {
    lo = Math.min(lo, grid[i]!);
    hi = Math.max(hi, grid[i]!);
  }
  return [lo, hi];
}

export function DecisionMap({ index, name, grid, data, accuracy, epoch }: DecisionMapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, SIZE, SIZE);
    if (grid) paintGrid(ctx, grid);
    if (data) paintPoints(ctx, data);
  }, [grid, data]);

  const range = grid ? gridRange(grid) : undefined;
  const flat = range !== undefined && range[1] - range[0] < NEARLY_CONSTANT;
  const spread = range
    ? `P(class 1) runs from ${formatNumber(range[0], { sig: 2 })} to ${formatNumber(range[1], { sig: 2 })} over the map`
    : '';
  const text = `Decision map of network ${networkLetter(index)} (${name}) at epoch ${epoch}: ${percent(accuracy)} of points classified correctly. ${spread}${flat ? ', so it answers nearly the same everywhere' : ''}.`;
  return (
    <figure class={`vg-lab-map vg-runner-${index}`} data-flat={String(flat)}>
      <canvas ref={canvas} width={SIZE} height={SIZE} role="img" aria-label={text}>
        {text}
      </canvas>
      <figcaption>
        <strong>{networkLetter(index)}</strong>: {percent(accuracy)} correct
        {range && (
          <span class="vg-lab-map-range">
            {flat ? 'nearly constant: ' : ''}p = {formatNumber(range[0], { sig: 2 })} … {formatNumber(range[1], { sig: 2 })}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

/** The class legend for every map. */
export function ClassLegend() {
  const swatch = (c: readonly number[]) => ({ background: `rgb(${c.join(',')})` });
  return (
    <ul class="vg-legend vg-lab-classes">
      <li>
        <span class="vg-lab-dot" style={swatch(CLASS_COLORS[0])} aria-hidden="true" />
        class 0 (points and area predicted as 0)
      </li>
      <li>
        <span class="vg-lab-dot" style={swatch(CLASS_COLORS[1])} aria-hidden="true" />
        class 1
      </li>
      <li>
        p is the network's probability of class 1 at that spot; the stronger the tint, the surer it is; the black line is where p = 0.5
      </li>
    </ul>
  );
}

function paintGrid(ctx: CanvasRenderingContext2D, grid: DecisionGrid): void {
  const image = new ImageData(GRID, GRID);
  const px = image.data;
  for (let i = 0; i < GRID * GRID; i++) {
    const p = grid[i]!;
    const c = CLASS_COLORS[p >= 0.5 ? 1 : 0];
    for (let k = 0; k < 3; k++) px[4 * i + k] = c[k]!;
    // A floor of 0.12 keeps the predicted class readable; confidence adds the rest.
    px[4 * i + 3] = Math.round(255 * (0.12 + 0.68 * Math.abs(2 * p - 1)));
  }
  const small = document.createElement('canvas');
  small.width = GRID;
  small.height = GRID;
  small.getContext('2d')?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(small, 0, 0, SIZE, SIZE);
  // The p = 0.5 contour: the edges between cells predicted differently.
  const cell = SIZE / GRID;
  ctx.strokeStyle = 'rgba(0,0,0,0.75)';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      const side = grid[r * GRID + c]! >= 0.5;
      if (c + 1 < GRID && side !== grid[r * GRID + c + 1]! >= 0.5) {
        ctx.moveTo((c + 1) * cell, r * cell);
        ctx.lineTo((c + 1) * cell, (r + 1) * cell);
      }
      if (r + 1 < GRID && side !== grid[(r + 1) * GRID + c]! >= 0.5) {
        ctx.moveTo(c * cell, (r + 1) * cell);
        ctx.lineTo((c + 1) * cell, (r + 1) * cell);
      }
    }
  }
  ctx.stroke();
}

function paintPoints(ctx: CanvasRenderingContext2D, data: LabData): void {
  const [lo, hi] = data.bounds;
  const px = (v: number) => ((v - lo) / (hi - lo)) * SIZE;
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  ctx.lineWidth = 0.8;
  for (let i = 0; i < data.y.length; i++) {
    const col = CLASS_COLORS[data.y[i] ? 1 : 0];
    ctx.beginPath();
    ctx.arc(px(data.X[2 * i]!), SIZE - px(data.X[2 * i + 1]!), 2.4, 0, 2 * Math.PI);
    ctx.fillStyle = `rgb(${col[0]},${col[1]},${col[2]})`;
    ctx.fill();
    ctx.stroke();
  }
}
