/**
 * Batch normalisation in training mode (Ioffe & Szegedy 2015), one column per
 * unit of an n × width matrix: ẑ = (z − μ_B) / √(σ²_B + ε), u = γ ẑ + β,
 * with μ_B and σ²_B (the biased variance) taken over the batch.
 */

/** ε in the denominator, as in the paper and most frameworks. */
export const BN_EPSILON = 1e-5;

/** Normalises each column of z over the batch; writes ẑ, u and 1/√(σ²_B + ε). */
export function batchNormForward(
  z: Float64Array, n: number, width: number, gamma: Float64Array, beta: Float64Array,
  zhat: Float64Array, u: Float64Array, invStd: Float64Array,
): void {
  for (let j = 0; j < width; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += z[i * width + j]!;
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (z[i * width + j]! - mean) ** 2;
    variance /= n;
    const inv = 1 / Math.sqrt(variance + BN_EPSILON);
    invStd[j] = inv;
    const g = gamma[j]!;
    const b = beta[j]!;
    for (let i = 0; i < n; i++) {
      const h = (z[i * width + j]! - mean) * inv;
      zhat[i * width + j] = h;
      u[i * width + j] = g * h + b;
    }
  }
}

/**
 * The backward pass through the batch statistics. Given ∂L/∂u it writes
 * ∂L/∂γ = Σ ∂L/∂u · ẑ, ∂L/∂β = Σ ∂L/∂u, and
 * ∂L/∂z = (γ / (n √(σ² + ε))) · (n ∂L/∂u − Σ ∂L/∂u − ẑ Σ ∂L/∂u · ẑ),
 * the form that accounts for every example's effect on μ_B and σ²_B.
 */
export function batchNormBackward(
  dU: Float64Array, zhat: Float64Array, invStd: Float64Array, gamma: Float64Array, n: number, width: number,
  dZ: Float64Array, dGamma: Float64Array, dBeta: Float64Array,
): void {
  for (let j = 0; j < width; j++) {
    let sum = 0;
    let sumHat = 0;
    for (let i = 0; i < n; i++) {
      const d = dU[i * width + j]!;
      sum += d;
      sumHat += d * zhat[i * width + j]!;
    }
    dBeta[j] = sum;
    dGamma[j] = sumHat;
    const scale = (gamma[j]! * invStd[j]!) / n;
    for (let i = 0; i < n; i++) {
      const k = i * width + j;
      dZ[k] = scale * (n * dU[k]! - sum - zhat[k]! * sumHat);
    }
  }
}
