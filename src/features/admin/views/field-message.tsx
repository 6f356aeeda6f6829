// How a form field points at its message and hint: the message's id is derived from the field's, so
// that the field, its message and the summary at the top agree without passing ids around.
export function errorId(id: string): string {
  return `${id}-error`;
}

/** aria attributes of a field that may carry a message (only whether there is a problem counts) and a hint. */
export function described(id: string, problem: unknown, hint?: string): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
  const ids = [problem ? errorId(id) : undefined, hint].filter(Boolean).join(' ');
  return { ...(problem ? { 'aria-invalid': 'true' as const } : {}), ...(ids ? { 'aria-describedby': ids } : {}) };
}

/** The message of a field, already in the page's language; nothing when the field is fine. */
export function FieldMessage({ id, text }: { id: string; text: string | undefined }) {
  return text === undefined ? null : (
    <p class="field-error" id={errorId(id)}>
      {text}
    </p>
  );
}
