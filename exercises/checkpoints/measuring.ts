/** Lesson 5, measuring: predict what the post's program prints before the lesson runs it. */
import { exact, formatNumber } from '../../engine/format.ts';
import { chainTrace, factorCount } from '../kit.ts';
import { choiceCheckpoint, COUNT_TOLERANCE, numberCheckpoint } from './define.ts';

const DEPTH = 4;
const codeFactors = factorCount({ depth: DEPTH, convention: 'code' });
const blogFactors = factorCount({ depth: DEPTH, convention: 'blog' });
const code = chainTrace({ depth: DEPTH, convention: 'code' });
const blog = chainTrace({ depth: DEPTH, convention: 'blog' });
const codeRatio = code.backward.lastOverFirst;
const blogRatio = blog.backward.lastOverFirst;
const [first, , , last] = blog.forward.layers;

export const codeFactorCount = numberCheckpoint({
  id: 'measuring/code-factors',
  question: `The post's program starts its running product at 1 above layer ${DEPTH} and, for each layer from the top down, multiplies in that layer's own factor w·σ′(z) before storing it. How many factors does the value it stores for layer 1 carry?`,
  label: `Factors in the program's layer-1 value`,
  answer: codeFactors,
  tolerance: COUNT_TOLERANCE,
  slips: [
    {
      slug: 'blog-count',
      value: blogFactors,
      feedback: `That is the trace table's count, where the product starts at 1 at layer ${DEPTH}. Here layer ${DEPTH} multiplies in its own factor too.`,
    },
    {
      slug: 'one-too-many',
      value: codeFactors + 1,
      feedback: 'One too many: the program multiplies in one factor per hidden layer, no more.',
    },
  ],
  answerText: `${codeFactors}: one for every hidden layer, layer ${DEPTH} included.`,
  explanation: `Under this code convention even the value the program stores for layer ${DEPTH} carries one factor, so its layer-1 value has one factor more than the trace table's layer-1 value, with its ${blogFactors}.`,
});

export const codeRatioDirection = choiceCheckpoint({
  id: 'measuring/code-ratio',
  question: `Run as written, will the program's ratio of its layer-${DEPTH} value to its layer-1 value come out larger or smaller than the trace table's exact ratio of the same two layers, ${formatNumber(blogRatio, { sig: 5 })}?`,
  label: "The program's ratio is",
  choices: { larger: 'larger', smaller: 'smaller' },
  answer: codeRatio > blogRatio ? 'larger' : 'smaller',
  wrong: {
    smaller: `Write both ratios as products of factors and cancel what they share: which layer's slope is left over in each, and which of those two z values is farther from 0?`,
    larger: `Write both ratios as products of factors and cancel what they share: which layer's slope is left over in each, and which of those two z values is farther from 0?`,
  },
  answerText: `${codeRatio > blogRatio ? 'Larger' : 'Smaller'}: ${formatNumber(codeRatio, { sig: 5 })} against ${formatNumber(blogRatio, { sig: 5 })}.`,
  explanation: `Both ratios share the factors of layers 2 and 3. The program's keeps layer 1's slope, σ′(${exact(first!.z)}) = ${formatNumber(first!.df, { sig: 4 })}, where the table's keeps layer ${DEPTH}'s, σ′(${formatNumber(last!.z, { sig: 3 })}) = ${formatNumber(last!.df, { sig: 4 })}. Layer 1's z is farther from 0, so its slope is a little smaller and the ratio a little larger.`,
});

export default [codeFactorCount, codeRatioDirection];
