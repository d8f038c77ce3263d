/** Explore σ(z) and σ′(z): move z by slider, by dragging on the plot, or with the arrow keys; saturation zones are shaded. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { sigmoid } from '../../engine/activations.ts';
import { formatNumber } from '../../engine/format.ts';
import { useThrottledAnnouncement } from './announce.ts';
import { numberIn, readHashState, writeHashState } from './hash-state.ts';
import { clamp, frame, linePath, sample, scale } from '../charts/plot.ts';
import { tableZ, thresholds } from '../lesson-data/sigmoid.ts';
import './islands.css';

// The post's two bounds on σ′ and the exact |z| where the engine's σ′ crosses them (shared with the sigmoid lesson's table).
const [NEAR, FAR] = thresholds;
const NEAR_Z = NEAR?.exactZ ?? 2.18;
const FAR_Z = FAR?.exactZ ?? 3.99;
const NEAR_BOUND = NEAR?.below ?? 0.1;
const FAR_BOUND = FAR?.below ?? 0.018;
const Z_MAX = 8;
const STEP = 0.1;
/** Two panels (σ above, σ′ below) of PANEL each, GAP apart, with room for the z axis below. */
const PANEL = 150;
const GAP = 40;
const F = frame(560, 16 + PANEL * 2 + GAP + 34, { left: 52, right: 12, top: 16, bottom: 34 });

export interface SigmoidExplorerProps {
  /** The starting z; default 1 (not 0.5, whose σ′ is an answer in the saturation exercise). */
  z?: number;
  /** A distinct id when a page holds more than one explorer. */
  id?: string;
}

const x = scale([-Z_MAX, Z_MAX], [F.left, F.right]);
const ySigma = scale([0, 1], [F.top + PANEL, F.top]);
const yDeriv = scale([0, 0.25], [F.top + 2 * PANEL + GAP, F.top + PANEL + GAP]);
const SIGMA_PATH = linePath(sample(sigmoid.f, -Z_MAX, Z_MAX, 160), x, ySigma);
const DERIV_PATH = linePath(sample(sigmoid.df, -Z_MAX, Z_MAX, 160), x, yDeriv);
/** CSS px a finger may wander before its touch counts as a drag rather than a tap. */
const TOUCH_SLOP = 8;
const snap = (z: number) => Math.round(clamp(z, -Z_MAX, Z_MAX) / STEP) * STEP;

/** One band of shading each side of z = 0, from |z| = from to |z| = to, between the rows y0 and y1. */
function ZoneBand({ from, to, y0, y1, cls }: { from: number; to: number; y0: number; y1: number; cls: string }) {
  return (
    <>
      <rect class={cls} x={x(-to)} y={y0} width={x(-from) - x(-to)} height={y1 - y0} />
      <rect class={cls} x={x(from)} y={y0} width={x(to) - x(from)} height={y1 - y0} />
    </>
  );
}

/** Two bands each side: σ′ below the post's 0.1 (light), then below its 0.018 (dark). */
function Zones({ y0, y1 }: { y0: number; y1: number }) {
  return (
    <>
      <ZoneBand from={NEAR_Z} to={FAR_Z} y0={y0} y1={y1} cls="vg-zone vg-zone-near" />
      <ZoneBand from={FAR_Z} to={Z_MAX} y0={y0} y1={y1} cls="vg-zone" />
    </>
  );
}

const ticks = [-8, -6, -4, -2, 0, 2, 4, 6, 8];

/** The plot's axes, ticks and panel names, the same for every z. */
function Axes() {
  return (
    <g class="vg-axis">
      <line x1={F.left} x2={F.right} y1={ySigma(0)} y2={ySigma(0)} />
      <line x1={F.left} x2={F.right} y1={yDeriv(0)} y2={yDeriv(0)} />
      <line x1={x(0)} x2={x(0)} y1={F.top} y2={yDeriv(0)} class="vg-faint" />
      {[0, 0.5, 1].map((v) => (
        <text x={F.left - 6} y={ySigma(v) + 4} text-anchor="end">
          {v}
        </text>
      ))}
      {[0, 0.125, 0.25].map((v) => (
        <text x={F.left - 6} y={yDeriv(v) + 4} text-anchor="end">
          {v}
        </text>
      ))}
      {ticks.map((t) => (
        <text x={x(t)} y={yDeriv(0) + 18} text-anchor="middle">
          {t}
        </text>
      ))}
      <text x={F.right} y={yDeriv(0) + 32} text-anchor="end">
        z
      </text>
      <text x={F.left + 6} y={F.top + 12}>
        σ(z)
      </text>
      <text x={F.left + 6} y={F.top + PANEL + GAP + 12}>
        σ′(z)
      </text>
    </g>
  );
}

/**
 * The URL keeps z, so a shared link opens at the same point: read once hydrated
 * (and on later hash changes), written after the learner moves it.
 */
function useZInHash(id: string, z: number, setZ: (z: number) => void) {
  const moved = useRef(false);
  useEffect(() => {
    const sync = () => {
      const h = readHashState(location.hash, id);
      if (h) setZ(snap(numberIn(h.z, -Z_MAX, Z_MAX, z)));
    };
    sync();
    addEventListener('hashchange', sync);
    return () => removeEventListener('hashchange', sync);
  }, [id]);
  useEffect(() => {
    if (!moved.current) {
      moved.current = true;
      return;
    }
    const next = writeHashState(location.hash, id, { z: Number(z.toFixed(2)) });
    if (next !== location.hash) history.replaceState(history.state, '', next);
  }, [z]);
}

/** Moving z on the plot: the pointer (mouse, pen or finger) and the keys. */
function usePlotInput(svg: { current: SVGSVGElement | null }, setZ: (next: number | ((prev: number) => number)) => void) {
  // A touch that starts on the plot may be a vertical scroll (touch-action: pan-y hands those to the page):
  // it moves z only once it has moved mostly sideways, or as a tap, never on touch-down.
  const touch = useRef<{ id: number; x: number; y: number; dragging: boolean } | null>(null);
  const fromPointer = (e: PointerEvent) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    const px = ((e.clientX - box.left) / box.width) * F.width;
    setZ(snap(-Z_MAX + ((px - F.left) / (F.right - F.left)) * 2 * Z_MAX));
  };
  const onKey = (e: JSX.TargetedKeyboardEvent<SVGSVGElement>) => {
    const big = e.shiftKey ? 10 : 1;
    const moves: Record<string, number> = {
      ArrowRight: STEP * big,
      ArrowUp: STEP * big,
      ArrowLeft: -STEP * big,
      ArrowDown: -STEP * big,
      PageUp: 1,
      PageDown: -1,
    };
    if (e.key === 'Home') setZ(-Z_MAX);
    else if (e.key === 'End') setZ(Z_MAX);
    else if (moves[e.key] !== undefined) setZ((v) => snap(v + moves[e.key]!));
    else return;
    e.preventDefault();
  };
  type PointerHandler = JSX.PointerEventHandler<SVGSVGElement>;
  const onPointerDown: PointerHandler = (e) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    if (e.pointerType === 'mouse') fromPointer(e);
    else touch.current = { id: e.pointerId, x: e.clientX, y: e.clientY, dragging: false };
  };
  const onPointerMove: PointerHandler = (e) => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
    const t = touch.current;
    if (t?.id === e.pointerId && !t.dragging) {
      const dx = Math.abs(e.clientX - t.x);
      if (dx < TOUCH_SLOP || dx < Math.abs(e.clientY - t.y)) return;
      t.dragging = true;
    }
    fromPointer(e);
  };
  const onPointerUp: PointerHandler = (e) => {
    const t = touch.current;
    const tap = t?.id === e.pointerId && !t.dragging && Math.hypot(e.clientX - t.x, e.clientY - t.y) < TOUCH_SLOP;
    if (tap) fromPointer(e);
    touch.current = null;
  };
  const onPointerCancel = () => {
    touch.current = null;
  };
  return { onKey, onPointerDown, onPointerMove, onPointerUp, onPointerCancel };
}

export default function SigmoidExplorer({ z: initial = 1, id = 'sigmoid' }: SigmoidExplorerProps) {
  const [z, setZ] = useState(() => snap(Number.isFinite(initial) ? initial : 1));
  const svg = useRef<SVGSVGElement>(null);
  // The build-time frame shows its controls disabled: they do nothing until the island hydrates.
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);
  useZInHash(id, z, setZ);
  const s = sigmoid.f(z);
  const d = sigmoid.df(z);
  const zone = d < FAR_BOUND ? 'saturated' : d < NEAR_BOUND ? 'nearly saturated' : 'active';
  const zText = formatNumber(Math.abs(z) < 1e-9 ? 0 : z, { sig: 2, notation: 'plain' });
  const summary = `z = ${zText}: σ(z) = ${formatNumber(s)}, σ′(z) = ${formatNumber(d)} (${zone} zone)`;
  const spoken = useThrottledAnnouncement(summary);

  const input = usePlotInput(svg, setZ);

  return (
    <figure class="vg-island vg-sigmoid" data-island="sigmoid-explorer" id={id}>
      <figcaption>
        σ(z) and its slope σ′(z). Shaded: where σ′(z) falls below the post's bounds, {NEAR_BOUND} (faint shading, |z| &gt;{' '}
        {formatNumber(NEAR_Z, { sig: 3 })}) and {FAR_BOUND} (strong shading, saturated, |z| &gt; {formatNumber(FAR_Z, { sig: 3 })}).
      </figcaption>
      <p class="vg-needs-js">
        Moving z needs JavaScript, which is off in this browser, so the explorer stays at z = {zText}. The table under the static figure
        above, “The numbers behind this figure”, lists σ(z) and σ′(z) at every even z from{' '}
        {formatNumber(tableZ[0] ?? -Z_MAX, { sig: 1, notation: 'plain' })} to{' '}
        {formatNumber(tableZ.at(-1) ?? Z_MAX, { sig: 1, notation: 'plain' })}.
      </p>
      <div class="vg-controls not-content">
        <label for={`${id}-z`}>z</label>
        <input
          id={`${id}-z`}
          type="range"
          min={-Z_MAX}
          max={Z_MAX}
          step={STEP}
          value={z}
          disabled={!live}
          aria-valuetext={summary}
          onInput={(e) => setZ(snap(Number(e.currentTarget.value)))}
        />
        <output for={`${id}-z`} class="vg-readout-z">
          {zText}
        </output>
      </div>
      <svg
        ref={svg}
        class="vg-plot vg-drag"
        viewBox={`0 0 ${F.width} ${F.height}`}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the plot itself is the slider (drag or arrow keys move z), and no native control can draw σ and σ′ under the pointer; it carries the slider's value, range and name.
        role="slider"
        tabIndex={live ? 0 : -1}
        aria-disabled={live ? undefined : 'true'}
        aria-label="z on the plot: drag, or use the arrow keys"
        aria-valuemin={-Z_MAX}
        aria-valuemax={Z_MAX}
        aria-valuenow={z}
        aria-valuetext={summary}
        onKeyDown={input.onKey}
        onPointerDown={input.onPointerDown}
        onPointerMove={input.onPointerMove}
        onPointerUp={input.onPointerUp}
        onPointerCancel={input.onPointerCancel}
      >
        <Zones y0={F.top} y1={F.top + PANEL} />
        <Zones y0={F.top + PANEL + GAP} y1={F.top + 2 * PANEL + GAP} />
        <Axes />
        <path class="vg-curve vg-curve-a" d={SIGMA_PATH} />
        <path class="vg-curve vg-curve-b" d={DERIV_PATH} />
        <line class="vg-marker" x1={x(z)} x2={x(z)} y1={F.top} y2={yDeriv(0)} />
        <circle class="vg-dot vg-dot-a" cx={x(z)} cy={ySigma(s)} r={5} />
        <circle class="vg-dot vg-dot-b" cx={x(z)} cy={yDeriv(d)} r={5} />
      </svg>
      <dl class="vg-readouts">
        <div>
          <dt>σ(z)</dt>
          <dd data-readout="sigma">{formatNumber(s)}</dd>
        </div>
        <div>
          <dt>σ′(z)</dt>
          <dd data-readout="dsigma">{formatNumber(d)}</dd>
        </div>
        <div>
          <dt>σ′(z) ÷ 0.25</dt>
          <dd data-readout="fraction">{formatNumber((d / 0.25) * 100, { sig: 3, notation: 'plain' })}%</dd>
        </div>
        <div>
          <dt>zone</dt>
          <dd data-readout="zone">{zone}</dd>
        </div>
      </dl>
      <p class="sr-only" aria-live="polite" data-live>
        {spoken}
      </p>
    </figure>
  );
}
