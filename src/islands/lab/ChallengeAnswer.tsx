/**
 * "Use this setup as my answer": keeps the lab's current setup (its URL state
 * string) as the answer to one lab challenge, where the challenge page and
 * Download answers find it, and shows the verdict the grader gives it (the
 * same replay, run in a worker). The grading code loads only on the first press.
 * The replayed networks' final loss and accuracy sit in data-finals, so a
 * test can hold the browser's floats to Node's bit for bit (JSON writes the
 * shortest string that reads back as the same double).
 */
import { useState } from 'preact/hooks';
import { CHALLENGE_LIST } from '../../../exercises/challenges/list.ts';
import type { ChallengeId } from '../../../exercises/challenges/types.ts';
import type { LabSettings } from '../../lesson-data/race-config.ts';

export interface ChallengeAnswerProps {
  id: string;
  settings: LabSettings;
  /** The course gives each learner their own goals (course.config.ts); undefined: as the page's [data-course-variants] says. */
  variants: boolean | undefined;
  /** The site root from this page, for the challenge pages' links. */
  root: string;
  disabled?: boolean;
}

type Shown =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'done'; verdict: 'correct' | 'incorrect' | 'invalid'; feedback: string; saved: boolean; finals?: number[] };

export function ChallengeAnswer({ id, settings, variants, root, disabled }: ChallengeAnswerProps) {
  const [challenge, setChallenge] = useState<ChallengeId>(CHALLENGE_LIST[0]!.id);
  const [shown, setShown] = useState<Shown>({ state: 'idle' });
  const use = async () => {
    setShown({ state: 'busy' });
    try {
      // Loaded on the first press: the setup writer reads the engine's data-set names, and the lesson's eager JavaScript is near its budget.
      const [{ gradeInWorker, saveSetup }, { loadLearner, safeStorage }, { EXERCISE_IDS }, { writeSetup }] = await Promise.all([
        import('../challenge/client.ts'),
        import('../exercise/storage.ts'),
        import('../../../exercises/types.ts'),
        import('../../../exercises/challenges/setup.ts'),
      ]);
      const setup = writeSetup(settings);
      const storage = safeStorage();
      const learner = storage ? loadLearner(storage, EXERCISE_IDS) : undefined;
      const perLearner = variants ?? document.querySelector<HTMLElement>('[data-course-variants]')?.dataset.courseVariants === 'true';
      const v = await gradeInWorker(challenge, setup, learner, perLearner);
      setShown({
        state: 'done',
        verdict: v.verdict,
        feedback: v.feedback,
        saved: saveSetup(storage, challenge, setup, v),
        ...(v.finals ? { finals: v.finals } : {}),
      });
    } catch (error) {
      setShown({
        state: 'done',
        verdict: 'invalid',
        feedback: `The setup could not be graded here: ${error instanceof Error ? error.message : 'unknown error'}.`,
        saved: false,
      });
    }
  };
  return (
    <fieldset class="vg-lab-challenge not-content" aria-label="Lab challenge answer">
      <label for={`${id}-challenge`}>Challenge</label>{' '}
      <select
        id={`${id}-challenge`}
        value={challenge}
        onChange={(e) => {
          setChallenge((e.target as HTMLSelectElement).value as ChallengeId);
          setShown({ state: 'idle' });
        }}
      >
        {CHALLENGE_LIST.map((c) => (
          <option value={c.id}>{c.title}</option>
        ))}
      </select>{' '}
      <button type="button" onClick={use} disabled={disabled || shown.state === 'busy'}>
        Use this setup as my answer
      </button>
      <p
        aria-live="polite"
        class="vg-lab-challenge-verdict"
        data-challenge={challenge}
        data-verdict={shown.state === 'done' ? shown.verdict : undefined}
        data-finals={shown.state === 'done' && shown.finals ? JSON.stringify(shown.finals) : undefined}
      >
        {shown.state === 'busy' && 'Replaying this setup as the grader will…'}
        {shown.state === 'done' && (
          <>
            <strong>{shown.verdict}</strong>: {shown.feedback}{' '}
            {shown.saved ? 'Saved as your answer; ' : 'Not saved (this browser keeps no data); '}
            <a href={`${root}challenges/${challenge}/`}>the challenge page</a> has it, and Download answers there writes it into your
            answers file.
          </>
        )}
      </p>
    </fieldset>
  );
}
