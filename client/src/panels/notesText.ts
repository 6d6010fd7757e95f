/**
 * Notes' pure parts (panels/notes.ts, panels/notesDetails.ts): the order the notes panel lists them
 * in, what each is on, and its time. A note's Markdown is never turned into HTML: the panels bind it
 * as text (lit escapes it) in an element with `white-space: pre-wrap`, so line breaks show, a link
 * stays text that cannot be followed, and `<script>` or `<img onerror>` are characters, never elements.
 */
import type { Annotation } from '../../../contract/investigation.ts';

/** Canvas notes first, then notes on elements; each group oldest first. */
export function orderedNotes(notes: readonly Annotation[]): Annotation[] {
  const rank = (n: Annotation) => (n.target.kind === 'canvas' ? 0 : 1);
  return [...notes].sort((x, y) => rank(x) - rank(y) || x.createdAt.localeCompare(y.createdAt));
}

/** What a note is on, in words: "the canvas", a node's name, or a link as "A member of B". */
export function noteTargetName(
  note: Annotation,
  names: { node(id: string): string | null; edge(id: string): string | null },
): string {
  if (note.target.kind === 'canvas') return 'The canvas';
  const name = note.target.kind === 'node' ? names.node(note.target.id) : names.edge(note.target.id);
  return name ?? `${note.target.id} (not on the canvas)`;
}

/** "written 30 Nov 2026 10:42", or "edited …" when it changed since. */
export function noteWhen(note: Annotation, when: (at: string) => string): string {
  return note.updatedAt !== note.createdAt ? `edited ${when(note.updatedAt)}` : `written ${when(note.createdAt)}`;
}
