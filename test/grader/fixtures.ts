/**
 * Shared fixtures: DESIGN.md's example answers file, filled in with the post's
 * rounded figures (the oracle: these are the numbers the post prints).
 */
export const POST_ANSWERS_YAML = `course: vanishing-gradients   # optional; if present it must be this
learner: ada@example.edu
answers:
  sigmoid-max:
    max_value: 1/4
    argmax_sigma: 0.5
    argmax_z: 0
    completed_square: "1/4 - (s - 1/2)^2"
  deeper-network:
    factor_per_layer: 0.025
    gradient_5_layers: 3.9e-7
    gradient_6_layers: 9.75e-9
  weight-scale:
    gradient_w_0_5: 1e-3
    verdict_w_0_5: better
    gradient_w_2: 0.064
    verdict_w_2: better
    explode_threshold_w: 5
  saturation:
    dsigma_at_5: 0.00665
    dsigma_at_0_5: 0.235
    ratio: 35.3
    factor_w10_at_5: 0.0665
  relu-swap:
    gradient_relu: 1e-3
    improvement_factor: 64
    vanishing_gone: no
`;

/** The same answers as data, for building variations. */
export function postAnswers(): Record<string, Record<string, unknown>> {
  return {
    'sigmoid-max': { max_value: '1/4', argmax_sigma: 0.5, argmax_z: 0, completed_square: '1/4 - (s - 1/2)^2' },
    'deeper-network': { factor_per_layer: 0.025, gradient_5_layers: 3.9e-7, gradient_6_layers: 9.75e-9 },
    'weight-scale': { gradient_w_0_5: 1e-3, verdict_w_0_5: 'better', gradient_w_2: 0.064, verdict_w_2: 'better', explode_threshold_w: 5 },
    saturation: { dsigma_at_5: 0.00665, dsigma_at_0_5: 0.235, ratio: 35.3, factor_w10_at_5: 0.0665 },
    'relu-swap': { gradient_relu: 1e-3, improvement_factor: 64, vanishing_gone: 'no' },
  };
}

/** A document with one part replaced. */
export function withPart(exercise: string, part: string, value: unknown): { answers: Record<string, Record<string, unknown>> } {
  const answers = postAnswers();
  answers[exercise]![part] = value;
  return { answers };
}
