/** A ratio as the lessons print the headline: three significant figures, 64,200 (not 64,247); 8, not 8.00. */
import { formatNumber, readable } from '../../engine/format.ts';

export const ratioText = (x: number): string => (Math.abs(x) >= 1000 ? formatNumber(x, { sig: 3 }) : readable(x));
