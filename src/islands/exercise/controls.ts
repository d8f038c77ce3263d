/** Reading and writing an exercise form's controls by part id (text inputs and radio groups alike). */

/** The form's controls for one part: one text input, or the radios of a choice. */
export function controlsOf(form: HTMLFormElement, part: string): NodeListOf<HTMLInputElement> {
  return form.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(part)}"]`);
}

/** The text typed, or the word picked; '' when nothing. */
export function readControl(form: HTMLFormElement, part: string): string {
  for (const c of controlsOf(form, part)) if (c.type !== 'radio' || c.checked) return c.value;
  return '';
}

/** Types the text, or picks the radio whose value it is (none when it matches no word). */
export function writeControl(form: HTMLFormElement, part: string, value: string): void {
  for (const c of controlsOf(form, part)) {
    if (c.type === 'radio') c.checked = c.value === value;
    else c.value = value;
  }
}

/** Every part's control text, by part id. */
export function readForm(form: HTMLFormElement, partIds: readonly string[]): Record<string, string> {
  return Object.fromEntries(partIds.map((id) => [id, readControl(form, id)]));
}
