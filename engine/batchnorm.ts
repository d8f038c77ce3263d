/**
 * Batch normalisation (Ioffe & Szegedy 2015), one column per unit of an
 * n × width matrix: ẑ = (z − μ) / √(σ² + ε), u = γ ẑ + β. In training mode μ
 * and σ² are the batch's own (biased) statistics; in inference mode they are
 * the running averages kept during training, so a prediction for one point
 * does not depend on which other points share its batch.
 */

/** ε in the denominator, as in the paper and most frameworks. */
export const BN_EPSILON = 1e-5;

/** The running averages' momentum: each training batch moves them 10% of the way, as PyTorch's default does. */
export const BN_MOMENTUM = 0.1;

/** The batch's shape, `n` rows of `width` units, and the layer's learned scale γ and shift β (one per unit). */
export interface BatchNormLayer {
  n: number;
  width: number;
  gamma: Float64Array;
  beta: Float64Array;
}

/** What the forward pass writes: ẑ, u and 1/√(σ²_B + ε), and (when given) μ_B and σ²_B. */
export interface BatchNormOutputs {
  zhat: Float64Array;
  u: Float64Array;
  invStd: Float64Array;
  batchMean?: Float64Array | undefined;
  batchVariance?: Float64Array | undefined;
}

/** Normalises each column of z over the batch; writes ẑ, u, 1/√(σ²_B + ε), and (when given) μ_B and σ²_B. */
export function batchNormForward(
  z: Float64Array,
  { n, width, gamma, beta }: BatchNormLayer,
  { zhat, u, invStd, batchMean, batchVariance }: BatchNormOutputs,
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
    if (batchMean) batchMean[j] = mean;
    if (batchVariance) batchVariance[j] = variance;
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
  dU: Float64Array,
  { n, width, gamma }: Omit<BatchNormLayer, 'beta'>,
  { zhat, invStd }: Pick<BatchNormOutputs, 'zhat' | 'invStd'>,
  { dZ, dGamma, dBeta }: { dZ: Float64Array; dGamma: Float64Array; dBeta: Float64Array },
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

/** The running averages of μ and σ² kept during training, one per unit. */
export interface RunningStats {
  runningMean: Float64Array;
  runningVar: Float64Array;
}

/** Inference mode: u = γ (z − μ_run) / √(σ²_run + ε) + β with the running statistics, the same for every row. */
export function batchNormInference(
  z: Float64Array,
  { n, width, gamma, beta }: BatchNormLayer,
  { runningMean, runningVar }: RunningStats,
  u: Float64Array,
): void {
  for (let j = 0; j < width; j++) {
    const scale = gamma[j]! / Math.sqrt(runningVar[j]! + BN_EPSILON);
    const shift = beta[j]! - scale * runningMean[j]!;
    for (let i = 0; i < n; i++) u[i * width + j] = scale * z[i * width + j]! + shift;
  }
}

/**
 * Moves the running statistics towards one training batch's:
 * μ_run ← (1 − m) μ_run + m μ_B and σ²_run ← (1 − m) σ²_run + m σ²_B · n/(n − 1)
 * (the unbiased variance, as PyTorch keeps it; a batch of one leaves σ²_run alone).
 */
export function updateRunningStats(
  { runningMean, runningVar }: RunningStats,
  batch: { mean: Float64Array; variance: Float64Array; n: number },
  momentum: number = BN_MOMENTUM,
): void {
  const { mean: batchMean, variance: batchVariance, n } = batch;
  for (let j = 0; j < runningMean.length; j++) {
    runningMean[j] = (1 - momentum) * runningMean[j]! + momentum * batchMean[j]!;
    if (n > 1) runningVar[j] = (1 - momentum) * runningVar[j]! + momentum * batchVariance[j]! * (n / (n - 1));
  }
}
