/**
 * What the details panel (panels/details.ts) shows about the selected node or link beyond its data:
 * its notes (add, edit, delete through the view model) and "How did this get here?"
 * (panels/provenance.ts). The context menu reaches the same through `addNoteTo` and `showProvenanceOf`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Canvas } from '../graph/canvas.ts';
import { type Draft, editorView, focusEditor, noteText, saveDraft, unfold } from './notesEditor.ts';
import { noteWhen } from './notesText.ts';
import { type ProvenanceState, provenanceView } from './provenance.ts';
import { stepWhen } from './provenanceWords.ts';

export interface DetailsExtras {
  /** The notes and provenance of the selected element (`kind` and `id`), as the details panel draws them. */
  view(selected: { kind: 'node' | 'edge'; id: string }): TemplateResult;
  /** Sets the function that redraws the details panel (called when notes or provenance change). */
  setRedraw(redraw: () => void): void;
  /** Selects the element, unfolds the details panel and opens a new note on it. */
  addNoteTo(target: { kind: 'node' | 'edge'; id: string }): void;
  /** Selects the element, unfolds the details panel and moves to its provenance. */
  showProvenanceOf(id: string): void;
}

export function detailsExtras(canvas: Canvas): DetailsExtras {
  let redraw = () => {};
  let draft: (Draft & { on: string }) | null = null;
  let error: string | null = null;
  const provenance: ProvenanceState = { running: null, problem: null };
  const host = () => document.querySelector('[data-testid=details-panel]') ?? document;

  canvas.model.on('annotations', () => redraw());
  canvas.model.on('provenance', () => redraw());
  canvas.model.on('readOnly', () => redraw());

  function open(next: Draft & { on: string }): void {
    draft = next;
    error = null;
    redraw();
    focusEditor(host(), 'details-note-editor');
  }

  function save(): void {
    if (!draft) return;
    error = saveDraft(canvas, draft);
    if (!error) draft = null;
    redraw();
  }

  function cancel(): void {
    draft = null;
    error = null;
    redraw();
  }

  function view(sel: { kind: 'node' | 'edge'; id: string }): TemplateResult {
    // A draft belongs to the element it was started on: another selection shows that one's notes.
    const mine = draft && draft.on === sel.id ? draft : null;
    const notes = canvas.model.notesOn(sel.id);
    const editingId = mine?.noteId ?? null;
    const input = (t: string) => {
      if (draft) draft.text = t;
    };
    const on = { input, save, cancel };
    return html`<section class="element-notes" data-testid="element-notes" aria-label="Notes">
        <h3>Notes</h3>
        ${
          notes.length > 0
            ? html`<ul class="notes">
              ${notes.map((n) =>
                editingId === n.id
                  ? html`<li>${editorView(mine!, error, on, 'details-note-editor')}</li>`
                  : html`<li class="note" data-note-id=${n.id}>
                      ${noteText(n.text)}
                      <div class="note-meta muted">${noteWhen(n, (at) => stepWhen(at))}
                        <button type="button" class="link" @click=${() => open({ noteId: n.id, text: n.text, on: sel.id })}>Edit</button>
                        <button type="button" class="link" @click=${() => canvas.model.removeNote(n.id)}>Delete</button>
                      </div>
                    </li>`,
              )}
            </ul>`
            : nothing
        }
        ${
          mine && mine.noteId === null
            ? editorView(mine, error, on, 'details-note-editor')
            : html`<button type="button" data-testid="add-note" ?disabled=${canvas.model.readOnly}
                @click=${() => open({ target: { kind: sel.kind, id: sel.id }, noteId: null, text: '', on: sel.id })}>Add a note</button>`
        }
      </section>
      ${provenanceView(canvas, sel.id, provenance, () => redraw())}`;
  }

  return {
    view,
    setRedraw(fn) {
      redraw = fn;
    },
    addNoteTo(target) {
      canvas.select(target.id);
      unfold('details');
      open({ target: { kind: target.kind, id: target.id }, noteId: null, text: '', on: target.id });
    },
    showProvenanceOf(id) {
      canvas.select(id);
      unfold('details');
      requestAnimationFrame(() => {
        const heading = host().querySelector<HTMLElement>('#provenance-heading');
        heading?.scrollIntoView({ block: 'start' });
        heading?.focus();
      });
    },
  };
}
