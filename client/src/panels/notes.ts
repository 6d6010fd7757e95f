/**
 * The notes panel (left side panel): every note of the view, the canvas's own first, each with what
 * it is on, its text (as text: panels/notesText.ts) and when it was written; clicking a note's target
 * selects and centres its element. "Note on the canvas" writes a note on the view as a whole; each
 * note can be edited or deleted here. Everything goes through the view model (undoable, saved with
 * the investigation) and the panel redraws on its 'annotations' event.
 */
import { html, nothing, render } from 'lit';
import type { EdgeData } from '../../../contract/api.ts';
import type { Annotation } from '../../../contract/investigation.ts';
import type { Canvas } from '../graph/canvas.ts';
import { TYPE_WORDS } from '../graph/style.ts';
import type { RelationshipType } from '../../../contract/model.ts';
import { type Draft, editorView, focusEditor, focusElement, noteText, saveDraft, unfold } from './notesEditor.ts';
import { noteTargetName, noteWhen, orderedNotes } from './notesText.ts';
import { stepWhen } from './provenanceWords.ts';

export interface NotesPanel {
  /** Unfolds the panel and scrolls its canvas notes into view. */
  show(): void;
}

export function mountNotes(host: HTMLElement, canvas: Canvas): NotesPanel {
  let draft: Draft | null = null;
  let error: string | null = null;
  let problem: string | null = null;

  function names() {
    // Built only when a link's note is listed: a redraw of 1,000 nodes with no such note costs nothing.
    let edges: Map<string, EdgeData> | null = null;
    return {
      node: (id: string) => canvas.nodeName(id),
      edge: (id: string) => {
        edges ??= new Map(canvas.drawnElements().edges.map((e) => [e.id, e]));
        const e = edges.get(id);
        if (!e) return null;
        const name = (n: string) => canvas.nodeName(n) ?? n;
        return `${name(e.source)} ${TYPE_WORDS[e.type as RelationshipType] ?? e.type} ${name(e.target)}`;
      },
    };
  }

  function input(text: string): void {
    if (draft) draft.text = text;
  }

  function start(next: Draft): void {
    draft = next;
    error = null;
    draw();
    focusEditor(host, 'notes-editor');
  }

  function save(): void {
    if (!draft) return;
    error = saveDraft(canvas, draft);
    if (!error) draft = null;
    draw();
  }

  function remove(note: Annotation): void {
    if (!canvas.model.removeNote(note.id)) problem = 'This view is read-only: notes cannot be changed.';
    if (draft?.noteId === note.id) draft = null;
    draw();
  }

  function focus(note: Annotation): void {
    if (note.target.kind === 'canvas') return;
    problem = focusElement(canvas, note.target.id) ? null : 'That element is not on the canvas now.';
    draw();
  }

  function item(note: Annotation, n: ReturnType<typeof names>) {
    const editing = draft?.noteId === note.id;
    const target = noteTargetName(note, n);
    return html`<li class="note note-${note.target.kind}" data-note-id=${note.id}>
      ${
        note.target.kind === 'canvas'
          ? html`<span class="note-target">${target}</span>`
          : html`<button type="button" class="link note-target" title="Select and centre it" @click=${() => focus(note)}><bdi>${target}</bdi></button>`
      }
      ${
        editing
          ? editorView(draft!, error, { input, save, cancel: () => start0() }, 'notes-editor')
          : html`${noteText(note.text)}
            <div class="note-meta muted">${noteWhen(note, (at) => stepWhen(at))}
              <button type="button" class="link" @click=${() => start({ noteId: note.id, text: note.text })}>Edit</button>
              <button type="button" class="link" data-testid="note-delete" @click=${() => remove(note)}>Delete</button>
            </div>`
      }
    </li>`;
  }

  function start0(): void {
    draft = null;
    error = null;
    draw();
  }

  function draw(): void {
    const notes = orderedNotes(canvas.model.annotations);
    const n = names();
    const writingNew = draft !== null && draft.noteId === null;
    render(
      html`<h2>Notes</h2>
        <div class="actions">
          <button type="button" data-testid="note-on-canvas" ?disabled=${canvas.model.readOnly}
            @click=${() => start({ target: { kind: 'canvas' }, noteId: null, text: '' })}>Note on the canvas</button>
        </div>
        ${writingNew ? editorView(draft!, error, { input, save, cancel: start0 }, 'notes-editor') : nothing}
        ${problem ? html`<p class="muted" role="status">${problem}</p>` : nothing}
        ${
          notes.length === 0
            ? html`<p class="muted">${
                canvas.model.readOnly
                  ? 'No notes in this investigation.'
                  : 'No notes yet. Add one on the canvas here, or on a node or link from its details.'
              }</p>`
            : html`<ol class="notes" data-testid="notes-list">${notes.map((note) => item(note, n))}</ol>`
        }`,
      host,
    );
  }

  canvas.model.on('annotations', () => draw());
  canvas.model.on('readOnly', () => draw());
  // Names of links come from what is drawn: a redraw may bring one in.
  canvas.on('content', () => draw());
  canvas.badges.onCanvasBadge = () => show();
  draw();

  function show(): void {
    unfold('left');
    host.scrollIntoView({ block: 'start' });
  }
  return { show };
}
