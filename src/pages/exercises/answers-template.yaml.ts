/**
 * /exercises/answers-template.yaml: the grader's blank answers template
 * (`npm run grade -- --template`), for learners who cannot check in the page.
 */
import type { APIRoute } from 'astro';
import course from '../../../course.config.ts';
import { blankTemplate } from '../../../grader/report/answers-template.ts';

export const GET: APIRoute = () =>
  new Response(blankTemplate({ title: course.title }), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
