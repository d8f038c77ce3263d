/**
 * exp, log, sin and cos in plain IEEE arithmetic (+ − × ÷ and exact power-of-
 * two scaling), after fdlibm: Math.exp, Math.log, Math.sin and Math.cos are
 * not the same functions in every JavaScript engine (Node 24 and Chromium 156
 * differ in the last bit for about one argument in ten), while these give the
 * same double everywhere, so a lab run in the browser and its replay by the
 * grader agree bit for bit. Accurate to about one unit in the last place.
 */

const view = new DataView(new ArrayBuffer(8));
const high = (x: number): number => (view.setFloat64(0, x), view.getInt32(0));
const withHigh = (x: number, hi: number): number => (view.setFloat64(0, x), view.setInt32(0, hi), view.getFloat64(0));
/** 2^k exactly, for −1022 ≤ k ≤ 1023. */
const pow2 = (k: number): number => (view.setInt32(0, (k + 1023) << 20), view.setInt32(4, 0), view.getFloat64(0));

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;

/** e^x (fdlibm e_exp.c). */
export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893383973096) return Infinity;
  if (x < -745.13321910194110842) return 0;
  const ax = Math.abs(x);
  if (ax < 3.725290298461914e-9) return 1 + x;
  let hi = x;
  let lo = 0;
  let k = 0;
  if (ax > 0.5 * 0.6931471805599453) {
    k = ax < 1.5 * 0.6931471805599453 ? (x > 0 ? 1 : -1) : Math.trunc(INV_LN2 * x + (x > 0 ? 0.5 : -0.5));
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
  }
  const r = hi - lo;
  const t = r * r;
  const c =
    r -
    t *
      (1.66666666666666019037e-1 +
        t *
          (-2.77777777770155933842e-3 + t * (6.61375632143793436117e-5 + t * (-1.6533902205465251539e-6 + t * 4.13813679705723846039e-8))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k > 1023) return y * pow2(1023) * 2;
  if (k < -1021) return y * pow2(k + 1000) * pow2(-1000);
  return y * pow2(k);
}

/** The natural logarithm (fdlibm e_log.c). */
export function log(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let k = 0;
  let hx = high(x);
  if (hx < 0x00100000) {
    // Subnormal: scale up by 2^54.
    k -= 54;
    x *= 18014398509481984;
    hx = high(x);
  }
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHigh(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - R : k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (3.999999999940941908e-1 + w * (2.222219843214978396e-1 + w * 1.531383769920937332e-1));
  const t2 = z * (6.66666666666673513e-1 + w * (2.857142874366239149e-1 + w * (1.818357216161805012e-1 + w * 1.479819860511658591e-1)));
  const R = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
}

// sin and cos (fdlibm s_sin.c, s_cos.c): x = n·π/2 + (y0 + y1) with |y0 + y1| ≤ π/4, then the kernels on head and tail.
const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.0771005063039659766e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.0222662487111664558e-21;
const PIO2_3T = 8.47842766036889956997e-32;

function kernelSin(x: number, y: number, tail: boolean): number {
  if ((high(x) & 0x7fffffff) < 0x3e400000 && Math.trunc(x) === 0) return x;
  const z = x * x;
  const v = z * x;
  const r =
    8.33333333332248946124e-3 +
    z * (-1.98412698298579493134e-4 + z * (2.75573137070700676789e-6 + z * (-2.50507602534068634195e-8 + z * 1.58969099521155010221e-10)));
  if (!tail) return x + v * (-1.66666666666666324348e-1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * -1.66666666666666324348e-1);
}

function kernelCos(x: number, y: number): number {
  const ix = high(x) & 0x7fffffff;
  if (ix < 0x3e400000 && Math.trunc(x) === 0) return 1;
  const z = x * x;
  const r =
    z *
    (4.16666666666666019037e-2 +
      z *
        (-1.38888888888741095749e-3 +
          z *
            (2.48015872894767294178e-5 +
              z * (-2.75573143513906633035e-7 + z * (2.0875723212981748279e-9 + z * -1.13596475577881948265e-11)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y));
  const qx = ix > 0x3fe90000 ? 0.28125 : withHigh(0, ix - 0x00200000);
  const hz = 0.5 * z - qx;
  return 1 - qx - (hz - (z * r - x * y));
}

/** n and the reduced argument's head and tail (fdlibm's __ieee754_rem_pio2 for |x| < 2^19·π/2; beyond that, the same steps, less accurate). */
function reduce(x: number): [n: number, y0: number, y1: number] {
  const hx = high(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    // |x| < 3π/4: n = ±1.
    const sign = hx > 0 ? 1 : -1;
    let z = x - sign * PIO2_1;
    if (ix !== 0x3ff921fb) {
      const y0 = z - sign * PIO2_1T;
      return [sign, y0, z - y0 - sign * PIO2_1T];
    }
    z -= sign * PIO2_2;
    const y0 = z - sign * PIO2_2T;
    return [sign, y0, z - y0 - sign * PIO2_2T];
  }
  const t0 = Math.abs(x);
  const n = Math.trunc(t0 * INV_PIO2 + 0.5);
  let r = t0 - n * PIO2_1;
  let w = n * PIO2_1T;
  let y0 = r - w;
  const j = ix >> 20;
  if (j - ((high(y0) >> 20) & 0x7ff) > 16) {
    // Cancellation: a second (and third) part of π/2.
    let t = r;
    w = n * PIO2_2;
    r = t - w;
    w = n * PIO2_2T - (t - r - w);
    y0 = r - w;
    if (j - ((high(y0) >> 20) & 0x7ff) > 49) {
      t = r;
      w = n * PIO2_3;
      r = t - w;
      w = n * PIO2_3T - (t - r - w);
      y0 = r - w;
    }
  }
  const y1 = r - y0 - w;
  return hx < 0 ? [-n, -y0, -y1] : [n, y0, y1];
}

/** sin x. */
export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if ((high(x) & 0x7fffffff) <= 0x3fe921fb) return kernelSin(x, 0, false);
  const [n, y0, y1] = reduce(x);
  const q = n & 3;
  return q === 0 ? kernelSin(y0, y1, true) : q === 1 ? kernelCos(y0, y1) : q === 2 ? -kernelSin(y0, y1, true) : -kernelCos(y0, y1);
}

/** cos x. */
export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if ((high(x) & 0x7fffffff) <= 0x3fe921fb) return kernelCos(x, 0);
  const [n, y0, y1] = reduce(x);
  const q = n & 3;
  return q === 0 ? kernelCos(y0, y1) : q === 1 ? -kernelSin(y0, y1, true) : q === 2 ? -kernelCos(y0, y1) : kernelSin(y0, y1, true);
}
