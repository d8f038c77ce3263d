/**
 * The learners' grade workflow and the instructors' guide describe the same
 * thing: every setting the workflow reads is explained in the guide, the
 * file it grades is the one the guide names, it runs grade.mjs (no npm
 * install), once per change, on the action majors current when written.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
const workflow = parse(read('examples/grade-workflow.yml'));
const pages = parse(read('examples/pages-workflow.yml'));
const guide = read('content/guides/for-instructors.mdx');
const ci = guide.slice(guide.indexOf('### Grading in CI'));

/** Majors current in December 2026 (each on Node 24). */
const MAJORS: Record<string, string> = {
  'actions/checkout': 'v6',
  'actions/setup-node': 'v6',
  'actions/upload-pages-artifact': 'v5',
  'actions/deploy-pages': 'v5',
  'actions/upload-artifact': 'v7',
  'actions/download-artifact': 'v8',
  'mikepenz/action-junit-report': 'v6',
};

const steps = (wf: { jobs: Record<string, { steps?: { uses?: string; run?: string }[] }> }) =>
  Object.values(wf.jobs).flatMap((j) => j.steps ?? []);

describe('the grade workflow and the guide', () => {
  it('explains every setting the workflow reads', () => {
    for (const name of Object.keys(workflow.env)) expect(ci).toContain(`\`${name}\``);
    expect(ci).toContain('`COURSE_TOKEN`');
    expect(JSON.stringify(workflow)).toContain('secrets.COURSE_TOKEN');
  });

  it('grades answers.yaml with grade.mjs, installing nothing', () => {
    const runs = steps(workflow)
      .map((s) => s.run ?? '')
      .join('\n');
    expect(runs).toMatch(/node "\$RUNNER_TEMP\/grade\.mjs" answers\.yaml/);
    expect(runs).not.toMatch(/npm (ci|install)/);
    expect(ci).toContain('`answers.yaml`');
    expect(ci).toContain('`grade.mjs`');
  });

  it('runs once per change: a pull request only from a fork', () => {
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request', 'workflow_dispatch']);
    expect(workflow.jobs.grade.if).toBe(
      "github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name != github.repository",
    );
  });

  it('uses the current major of every action, in both workflows', () => {
    for (const step of [...steps(workflow), ...steps(pages)]) {
      if (!step.uses) continue;
      const [name, version] = step.uses.split('@') as [string, string];
      expect(MAJORS[name], step.uses).toBe(version);
    }
  });

  it("builds the site and grade.mjs with the course's variants, and releases grade.mjs for a tag", () => {
    expect(JSON.stringify(pages.jobs.build)).toContain('vars.COURSE_VARIANTS');
    expect(pages.on.push.tags).toEqual(['v*']);
    expect(pages.jobs['release-grader'].if).toContain('refs/tags/v');
    expect(guide).toContain('repository variable\n`COURSE_VARIANTS`');
  });
});
