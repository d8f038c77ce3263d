/**
 * A labelled number input that states its range, applies a typed value once
 * typing pauses (or on Enter / leaving the field), and answers a value out of
 * range with a visible message, keeping the last good value rather than
 * silently changing it. Shared by the training lab and the flow explorer.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { exact } from '../../engine/format.ts';
import { checkNumber, type NumberRule } from './checked-number.ts';
import './fields.css';

/** Typing pauses this long before a value is applied. */
export const TYPING_PAUSE_MS = 350;

export interface CheckedFieldProps {
  id: string;
  rule: NumberRule;
  value: number;
  disabled?: boolean;
  /** Said after the range in the label, e.g. "200 = full batch". */
  note?: string;
  onCommit(value: number): void;
}

const shown = (v: number) => exact(v).replace(/,/g, '').replace('−', '-');

export function CheckedField({ id, rule, value, disabled, note, onCommit }: CheckedFieldProps) {
  const [raw, setRaw] = useState(shown(value));
  const [message, setMessage] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // Show a new value when the island changes it (a shared link, a preset). Only a new one: the first effect runs a frame after
  // hydration, and putting the same value back then would wipe what a quick learner has already typed.
  const shownFor = useRef(value);
  useEffect(() => {
    if (Object.is(shownFor.current, value)) return;
    shownFor.current = value;
    setRaw(shown(value));
    setMessage(undefined);
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const apply = (text: string) => {
    clearTimeout(timer.current);
    const checked = checkNumber(rule, text, value);
    if (!checked.ok) return setMessage(checked.message);
    setMessage(undefined);
    if (checked.value !== value) onCommit(checked.value);
  };
  return (
    <div class="vg-field" data-field={id}>
      <label for={id}>
        {rule.label}{' '}
        <span class="vg-field-range">
          ({exact(rule.lo)} to {exact(rule.hi)}
          {note ? `; ${note}` : ''})
        </span>
      </label>
      <input
        id={id}
        type="text"
        inputMode={rule.whole ? 'numeric' : 'decimal'}
        value={raw}
        disabled={disabled}
        spellcheck={false}
        aria-invalid={message ? 'true' : undefined}
        aria-describedby={message ? `${id}-msg` : undefined}
        onInput={(e) => {
          const text = e.currentTarget.value;
          setRaw(text);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => apply(text), TYPING_PAUSE_MS);
        }}
        onKeyDown={(e) => e.key === 'Enter' && apply(e.currentTarget.value)}
        onBlur={(e) => apply(e.currentTarget.value)}
      />
      {message && (
        <p id={`${id}-msg`} class="vg-field-message" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
