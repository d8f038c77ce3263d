/** One network's decision boundary: P(class 1) over the grid, painted on a canvas, with the data points on top. */
import { useEffect, useRef } from 'preact/hooks';
import { GRID, type RaceData } from '../lesson-data/race-config.ts';

const SIZE = 160;
// Class 0 and class 1 colours (orange and blue), readable in both themes.
const C0 = [230, 120, 20];
const C1 = [40, 110, 230];

export interface BoundaryProps {
  label: string;
  index: number;
  grid: Float32Array | undefined;
  data: RaceData | undefined;
  accuracy: number;
  epoch: number;
}

export function Boundary({ label, index, grid, data, accuracy, epoch }: BoundaryProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, SIZE, SIZE);
    if (grid) paintGrid(ctx, grid);
    if (data) paintPoints(ctx, data);
  }, [grid, data]);

  const text = `Decision boundary of the ${label} network at epoch ${epoch}: ${Math.round(accuracy * 100)}% of points classified correctly.`;
  return (
    <figure class={`vg-boundary vg-runner-${index}`}>
      <canvas ref={canvas} width={SIZE} height={SIZE} role="img" aria-label={text}>{text}</canvas>
      <figcaption>{label}: {Math.round(accuracy * 100)}%</figcaption>
    </figure>
  );
}

/** P(class 1) per grid cell, blended from the class-0 colour to the class-1 colour: one small image, scaled up smoothly. */
function paintGrid(ctx: CanvasRenderingContext2D, grid: Float32Array): void {
  const image = new ImageData(GRID, GRID);
  const px = image.data;
  for (let i = 0; i < GRID * GRID; i++) {
    const p = grid[i]!;
    for (let k = 0; k < 3; k++) px[4 * i + k] = Math.round(C0[k]! * (1 - p) + C1[k]! * p);
    px[4 * i + 3] = Math.round(255 * (0.25 + 0.5 * Math.abs(p - 0.5)));
  }
  const small = document.createElement('canvas');
  small.width = GRID;
  small.height = GRID;
  small.getContext('2d')?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(small, 0, 0, SIZE, SIZE);
}

/** The training points, coloured by their label. */
function paintPoints(ctx: CanvasRenderingContext2D, data: RaceData): void {
  const [lo, hi] = data.bounds;
  const px = (v: number) => ((v - lo) / (hi - lo)) * SIZE;
  ctx.strokeStyle = 'rgba(255,255,255,0.8)';
  ctx.lineWidth = 0.6;
  for (let i = 0; i < data.y.length; i++) {
    const col = data.y[i] ? C1 : C0;
    ctx.beginPath();
    ctx.arc(px(data.X[2 * i]!), SIZE - px(data.X[2 * i + 1]!), 2.2, 0, 2 * Math.PI);
    ctx.fillStyle = `rgb(${col[0]},${col[1]},${col[2]})`;
    ctx.fill();
    ctx.stroke();
  }
}
