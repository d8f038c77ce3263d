/** The words of the blank answers template and of answers downloaded from the site. */

/** Comments in the blank answers template and in downloaded answers. */
export const TEMPLATE = {
  /** The template's first line, under the course's title (course.config.ts). */
  heading: (title: string) => `${title}: answers file.`,
  header: [
    'Write each answer after its colon; leave it empty to skip it. Then grade it with:',
    '  npm run grade -- answers.yaml',
    'Numbers may be written as 1.56e-5, 1.56 × 10^-5, 1.56*10**-5, 1/1000 or 0.001.',
  ],
  learner: 'learner: ada@example.edu   # uncomment when your instructor gives each learner their own numbers',
  parameters: (list: string) => `The post's numbers: ${list}. With variants on, use the numbers your exercise page shows.`,
  /** In a template made for one learner under variants (`--template --learner ID`). */
  learnerParameters: (list: string) => `Your numbers: ${list}. Your exercise pages show the same once your learner id is set.`,
  choice: (choices: readonly string[]) => `(${choices.join(' | ')})`,
  expression: (variable: string) => `(an expression in ${variable}, in quotes)`,
  number: '(a number)',
  challenges: [
    'Lab challenges: each answer is a lab setup, the text the lab keeps in its address after "#lab=".',
    'Press "Use this setup as my answer" under the lab, or copy it; put it in quotes. Everything else stays fixed.',
  ],
  mayChange: (list: string) => `You may change: ${list}.`,
  downloaded: (title: string) => [`${title}: answers saved from the course site.`, 'Grade this file with: npm run grade -- <this file>'],
};

/** A comment's text on one line: whitespace (line breaks included) folded to single spaces, so no text can end the comment early. */
export function commentText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
