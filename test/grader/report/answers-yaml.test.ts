import { describe, expect, it } from 'vitest';
import { createGrader } from '../../../grader/grade/grader.ts';
import { answersToYaml } from '../../../grader/report/answers-yaml.ts';

const { gradeText, gradeAnswers } = createGrader();

/** Verdicts only: the same file must get the same verdicts whichever way it is graded. */
const verdicts = (report: ReturnType<typeof gradeAnswers>) =>
  report.exercises.map((e) => e.parts.map((p) => [p.id, p.verdict, p.feedback]));

describe('answersToYaml', () => {
  it('writes the public format, with a header comment', () => {
    const yaml = answersToYaml({
      learner: 'ada@example.edu',
      answers: { 'relu-swap': { gradient_relu: '1e-3', improvement_factor: 64, vanishing_gone: 'no' } },
    });
    expect(yaml).toMatchInlineSnapshot(`
      "# Vanishing Gradients: answers saved from the course site.
      # Grade this file with: npm run grade -- <this file>

      course: vanishing-gradients
      learner: ada@example.edu
      answers:
        relu-swap:
          gradient_relu: "1e-3"
          improvement_factor: 64
          vanishing_gone: no
      "
    `);
  });

  it("is headed by the course's title, which stays one comment line whatever it holds", () => {
    const answers = { 'relu-swap': { gradient_relu: '0.1' } };
    const yaml = answersToYaml({ title: 'ML 301\nlearner: mallory # x', answers });
    expect(yaml.split('\n')[0]).toBe('# ML 301 learner: mallory # x: answers saved from the course site.');
    const report = gradeText(yaml, { path: 'answers.yaml' });
    expect(report.learner).toBeUndefined();
    expect(report.warnings).toEqual([]);
  });

  it('gives the CLI the same verdicts as the form it came from, including odd and empty input', () => {
    const form = {
      learner: 'a: "learner" # not a comment',
      answers: {
        'sigmoid-max': { max_value: '0.25', argmax_sigma: '', argmax_z: '  ', completed_square: '*alias - (s)' },
        'deeper-network': { factor_per_layer: '− 0.025', gradient_5_layers: 'yes', gradient_6_layers: '9.75 × 10⁻⁹' },
        'weight-scale': { verdict_w_0_5: 'Better', verdict_w_2: '!!binary x', gradient_w_2: '0.064\n' },
        'relu-swap': { vanishing_gone: 'No', improvement_factor: '64,000', gradient_relu: '{1e-3}' },
        saturation: { ratio: '#35.3', dsigma_at_5: '&anchor 1', factor_w10_at_5: '---' },
      },
    };
    for (const variants of [false, true]) {
      const direct = gradeAnswers(form, { path: 'form', variants });
      const viaFile = gradeText(answersToYaml(form), { path: 'answers.yaml', variants });
      expect(viaFile.status).toBe('graded');
      expect(verdicts(viaFile)).toEqual(verdicts(direct));
    }
  });
});
