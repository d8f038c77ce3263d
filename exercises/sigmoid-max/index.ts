/**
 * Exercise 1 (the post's first "Test your understanding" question): the
 * maximum of σ′ = σ(1 − σ) without calculus, by completing the square.
 * It has no parameters, so every learner gets the same numbers.
 */
import { sigmoid } from '../../engine/activations.ts';
import { defineExercise, numberMisconceptions } from '../catalogue.ts';
import { DEFAULT_TOLERANCE, type ExpressionPart, type Misconception, type NumberPart } from '../types.ts';

/** The part ids, as in the answers file (DESIGN.md); the answers must name each one. */
type PartId = 'max_value' | 'argmax_sigma' | 'argmax_z' | 'completed_square';

type SigmoidMaxParams = Record<string, never>;

const maxValue: NumberPart<PartId> = {
  id: 'max_value',
  label: 'The largest value of s(1 − s), read off your completed square',
  question: 'What is the largest value that σ(z)(1 − σ(z)) can take?',
  kind: 'number',
  tolerance: DEFAULT_TOLERANCE,
};

const argmaxSigma: NumberPart<PartId> = {
  id: 'argmax_sigma',
  label: 'The value of s = σ(z) where s(1 − s) is largest',
  question: 'At what value of σ(z) is that maximum reached?',
  kind: 'number',
  tolerance: DEFAULT_TOLERANCE,
};

const argmaxZ: NumberPart<PartId> = {
  id: 'argmax_z',
  label: 'The input z where the slope σ′(z) is largest',
  question: 'At what value of z is that maximum reached?',
  kind: 'number',
  tolerance: {
    kind: 'absolute',
    value: 0.01,
    reason:
      'The exact answer is 0, where a relative tolerance would accept only 0 itself; ±0.01 accepts a numerical estimate (σ′(0.01) is within 0.001% of the maximum) and is far from every catalogued slip.',
  },
};

const completedSquare: ExpressionPart<PartId> = {
  id: 'completed_square',
  label: 's(1 − s) written as a constant minus a square, c − (s − a)²',
  question: 'With s = σ(z), write s(1 − s) as a constant minus a perfect square in s.',
  kind: 'expression',
  variable: 's',
  form: 'completed-square',
  formFeedback:
    'That is equal to s(1 − s), but it is not yet a constant minus a square: rewrite it as c − (s − a)² so the largest value can be read off without calculus.',
};

/** σ′ at its peak, z = 0, from the engine's sigmoid. */
const peak = () => sigmoid.df(0);

export default defineExercise<SigmoidMaxParams, PartId>({
  id: 'sigmoid-max',
  title: 'The largest slope of the sigmoid',
  convention: 'No backpropagation here: σ′(z) = σ(z)(1 − σ(z)) is studied as a function of s = σ(z), which lies between 0 and 1.',
  parts: [maxValue, argmaxSigma, argmaxZ, completedSquare],
  // The prompt has the square completed first and the rest read off it.
  askOrder: ['completed_square', 'max_value', 'argmax_sigma', 'argmax_z'],
  canonical: {},
  paramNames: {},
  variant: () => ({}),
  answers: () => ({
    max_value: peak(),
    // σ(z) at the peak, and the z that gives it (σ(0) = 1/2).
    argmax_sigma: sigmoid.f(0),
    argmax_z: 0,
    completed_square: '1/4 - (s - 1/2)^2',
  }),
  misconceptions: () => {
    const top = peak();
    const half = sigmoid.f(0);
    const expressions: Misconception[] = [
      {
        id: 'completed_square.sign-of-square',
        part: 'completed_square',
        value: '1/4 + (s - 1/2)^2',
        feedback:
          'Check the sign in front of the square: expand your answer and compare the coefficient of s² with the one in s(1 − s) = s − s².',
      },
      {
        id: 'completed_square.negated',
        part: 'completed_square',
        value: '(s - 1/2)^2 - 1/4',
        feedback: 'Your expression is the negative of s(1 − s): at s = 1/2 it should be positive, not negative.',
      },
      {
        id: 'completed_square.wrong-constant',
        part: 'completed_square',
        value: '1/2 - (s - 1/2)^2',
        feedback: 'The square is right but the constant is not: expand (s − 1/2)² and choose the constant that cancels its constant term.',
      },
      {
        id: 'completed_square.wrong-shift',
        part: 'completed_square',
        value: '1/4 - (s + 1/2)^2',
        feedback: 'Check the sign inside the square: expanding it must give the term +s of s(1 − s), not −s.',
      },
    ];
    return [
      ...numberMisconceptions(maxValue, top, [
        {
          slug: 'sigma-not-slope',
          value: half,
          feedback: 'That is the value of σ(z) at the peak, not the value of σ(z)(1 − σ(z)) there.',
        },
        {
          slug: 'reciprocal',
          value: 1 / top,
          feedback: 'A product of two numbers between 0 and 1 cannot exceed 1: check whether you inverted something.',
        },
        {
          slug: 'power-of-ten-small',
          value: top / 10,
          feedback: 'Check the power of ten: the digits look right, but at the peak neither σ(z) nor 1 − σ(z) is close to 0.',
        },
        {
          slug: 'power-of-ten-large',
          value: top * 10,
          feedback: 'Check the power of ten: the digits look right, but the value is larger than any product of two numbers below 1.',
        },
      ]),
      ...numberMisconceptions(argmaxSigma, half, [
        {
          slug: 'height-not-location',
          value: top,
          feedback: 'That is how high the peak is; this part asks where it is, as a value of s = σ(z).',
        },
        {
          slug: 'z-not-sigma',
          value: 0,
          feedback: 'That is the value of z at the peak; this part asks for σ(z) there.',
        },
        {
          slug: 'reciprocal',
          value: 1 / half,
          feedback: 'σ(z) always lies between 0 and 1, so it cannot take this value.',
        },
      ]),
      ...numberMisconceptions(argmaxZ, 0, [
        {
          slug: 'sigma-not-z',
          value: half,
          feedback: 'That is the value of σ(z) at the peak; this part asks for the z that produces it.',
        },
        {
          slug: 'height-not-location',
          value: top,
          feedback: 'That is the height of the peak; this part asks for the z where it happens.',
        },
        {
          // Solving σ(z) = 1/2 as e^−z = 1/2 instead of 1 + e^−z = 2.
          slug: 'solved-exponential-wrongly',
          value: Math.log(1 / half),
          feedback: 'Solve σ(z) = 1/2 one step at a time: it fixes the whole denominator 1 + e^−z, not e^−z alone.',
        },
      ]),
      ...expressions,
    ];
  },
  hints: () => [
    'Write s for σ(z), so σ′(z) = s(1 − s) = s − s². Only s, a number between 0 and 1, matters now.',
    'Completing the square means writing −s² + s as c − (s − a)²: expand (s − a)² and match the coefficient of s to find a.',
    'A square is never negative, so c − (s − a)² is largest exactly when the square is zero. Which s makes it zero, and which z gives that σ(z)?',
  ],
  // Nothing varies: the prompt and the solution show only structural constants such as 1/2 and 1/4.
  display: () => ({}),
});
