/**
 * The note editor shared by the details panel and the notes panel: a text area with Save and Cancel,
 * and the actions around notes that reach across panels (focus an element on the canvas, unfold a
 * folded side panel). Every change goes through the view model (addNote, editNote, removeNote), so
 * notes are undoable and saved with the investigation.
 */
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { noteHtml } from './noteMarkdown.ts';
import { html, nothing, type TemplateResult } from 'lit';
import type { Canvas } from '../graph/canvas.ts';
import type { AnnotationTarget } from '../model/viewModel.ts';

/** What is being written: a new note on a target, or an existing note (by id). */
export type Draft = { target: AnnotationTarget; noteId: null; text: string } | { noteId: string; text: string };

/**
 * Saves a draft through the model. Returns an error message (empty or too long text, read-only
 * view), or null when saved.
 */
export function saveDraft(canvas: Canvas, draft: Draft): string | null {
  try {
    const ok =
      draft.noteId === null
        ? canvas.model.addNote(draft.target, draft.text) !== null
        : canvas.model.editNote(draft.noteId, draft.text);
    return ok ? null : 'This view is read-only: notes cannot be changed.';
  } catch (err) {
    return err instanceof RangeError ? err.message : String(err);
  }
}

/** The editor: a labelled text area (Ctrl+Enter saves, Escape cancels), Save, Cancel, and a message. */
export function editorView(
  draft: Draft,
  error: string | null,
  on: { input(text: string): void; save(): void; cancel(): void },
  testid: string,
): TemplateResult {
  const keys = (e: KeyboardEvent) => {
    // The page's shortcuts listen on the document: what is typed here is the note's.
    e.stopPropagation();
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) on.save();
    else if (e.key === 'Escape') on.cancel();
  };
  return html`<div class="note-editor" data-testid=${testid}>
    <label>
      <span class="muted">${draft.noteId === null ? 'New note' : 'Edit note'} (Markdown, shown as text)</span>
      <textarea
        rows="4"
        maxlength="20000"
        .value=${draft.text}
        @input=${(e: Event) => on.input((e.target as HTMLTextAreaElement).value)}
        @keydown=${keys}
      ></textarea>
    </label>
    ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}
    <div class="actions">
      <button type="button" data-testid="note-save" @click=${on.save}>Save note</button>
      <button type="button" @click=${on.cancel}>Cancel</button>
    </div>
  </div>`;
}

/** A note's Markdown rendered (panels/noteMarkdown.ts: raw HTML never becomes elements, no images, safe links). */
export function noteText(text: string): TemplateResult {
  return html`<div class="note-text" dir="auto">${unsafeHTML(noteHtml(text))}</div>`;
}

/** Unfolds a side panel folded by panels/panelLayout.ts (by its toggle, so the choice is remembered). */
export function unfold(panel: 'left' | 'details' | 'table'): void {
  document.querySelector<HTMLButtonElement>(`[data-testid=toggle-${panel}][aria-expanded=false]`)?.click();
}

/** Selects and centres an element on the canvas; false when it is not drawn. */
export function focusElement(canvas: Canvas, id: string): boolean {
  const drawn = canvas.nodeData(id) !== null || canvas.drawnElements().edges.some((e) => e.id === id);
  if (!drawn) return false;
  canvas.select(id);
  canvas.centre(id);
  return true;
}

/** Focuses the editor's text area once lit has drawn it. */
export function focusEditor(root: ParentNode, testid: string): void {
  requestAnimationFrame(() => root.querySelector<HTMLTextAreaElement>(`[data-testid=${testid}] textarea`)?.focus());
}
