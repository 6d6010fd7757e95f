/**
 * Notes on a node, a link or the canvas as a whole (contract/investigation.ts `annotation`): Markdown
 * kept as text (panels render it as text, never as HTML). Pure functions over an immutable list, so
 * the view model can keep old lists for undo without copying them.
 */
import type { Annotation } from '../../../contract/investigation.ts';

export type AnnotationTarget = Annotation['target'];

/** Longest note the contract accepts. */
export const MAX_NOTE_CHARS = 20_000;

/** Throws RangeError when the text is empty (after trimming) or longer than MAX_NOTE_CHARS. */
export function checkNoteText(text: string): void {
  if (text.trim().length === 0) throw new RangeError('A note needs some text');
  if (text.length > MAX_NOTE_CHARS) throw new RangeError(`A note holds at most ${MAX_NOTE_CHARS} characters`);
}

/** The list with a new note at its end. `at` is an ISO 8601 instant; `id` must be new in the list. */
export function withNote(
  list: readonly Annotation[],
  note: { id: string; target: AnnotationTarget; text: string; at: string },
): readonly Annotation[] {
  checkNoteText(note.text);
  const added: Annotation = {
    id: note.id,
    target: structuredClone(note.target),
    text: note.text,
    createdAt: note.at,
    updatedAt: note.at,
  };
  return [...list, added];
}

/** The list with note `id`'s text replaced and its `updatedAt` set; null when there is no such note. */
export function withNoteEdited(
  list: readonly Annotation[],
  id: string,
  text: string,
  at: string,
): readonly Annotation[] | null {
  checkNoteText(text);
  if (!list.some((n) => n.id === id)) return null;
  return list.map((n) => (n.id === id ? { ...n, text, updatedAt: at } : n));
}

/** The list without note `id`; null when there is no such note. */
export function withoutNote(list: readonly Annotation[], id: string): readonly Annotation[] | null {
  if (!list.some((n) => n.id === id)) return null;
  return list.filter((n) => n.id !== id);
}

/** The notes on one node or link (by its id), or on the canvas (`null`). */
export function notesOn(list: readonly Annotation[], elementId: string | null): Annotation[] {
  return list.filter((n) =>
    elementId === null ? n.target.kind === 'canvas' : n.target.kind !== 'canvas' && n.target.id === elementId,
  );
}
