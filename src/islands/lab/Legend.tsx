/** The key to the charts' colours: one line sample per network, with its letter and name. */
import { networkLetter } from './names.ts';

export function Legend({ names }: { names: readonly string[] }) {
  return (
    <ul class="vg-legend">
      {names.map((name, i) => (
        <li class={`vg-runner-${i}`}>
          <svg viewBox="0 0 24 8" aria-hidden="true">
            <path class="vg-curve" d="M0,4L24,4" />
          </svg>
          {networkLetter(i)}: {name}
        </li>
      ))}
    </ul>
  );
}
