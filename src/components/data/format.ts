/** Formatting helpers shared by the lesson components, all built on the engine's formatNumber. */
import { formatNumber, type Notation } from '../../engine/format.ts';

/** A parameter such as 0.1 or 0.01 written with just the digits it has (1 to 6 significant figures). */
export function exact(value: number, notation: Notation = 'plain'): string {
  for (let sig = 1; sig <= 6; sig++) {
    if (Number(value.toPrecision(sig)) === value) return formatNumber(value, { sig, notation });
  }
  return formatNumber(value, { sig: 6, notation });
}

/** The usual three significant figures. */
export const fmt = (value: number, sig = 3, notation: Notation = 'auto') => formatNumber(value, { sig, notation });

/** A number as TeX for <Tex>: "1.56 \times 10^{-5}", "0.0250", "64{,}128". */
export function tex(value: number, sig = 3, notation: Notation = 'auto'): string {
  return formatNumber(value, { sig, notation, style: 'ascii' })
    .replace(/^(-?[\d.]+)e(-?\d+)$/, (_, m: string, e: string) => `${m} \\times 10^{${e}}`)
    .replace(/,/g, '{,}');
}

/** A parameter as TeX with just the digits it has. */
export const texExact = (value: number) => exact(value).replace(/,/g, '{,}').replace('−', '-');
