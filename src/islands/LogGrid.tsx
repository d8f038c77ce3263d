/** The labelled decade gridlines of a log-scale y axis, shared by the islands' charts. */
import { decadeLabel, decadeTicks, type Scale } from './plot.ts';

interface Props {
  lo: number;
  hi: number;
  /** At most about this many gridlines. */
  max: number;
  y: Scale;
  left: number;
  right: number;
}

export function LogGrid({ lo, hi, max, y, left, right }: Props) {
  return (
    <>
      {decadeTicks(lo, hi, max).map((k) => (
        <g>
          <line x1={left} x2={right} y1={y(10 ** k)} y2={y(10 ** k)} class="vg-faint" />
          <text x={left - 6} y={y(10 ** k) + 4} text-anchor="end">{decadeLabel(k)}</text>
        </g>
      ))}
    </>
  );
}
