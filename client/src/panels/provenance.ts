/**
 * "How did this get here?": the details panel's section for the selected node or link, listing each
 * provenance step that brought it in (the view model's `stepsOf`), first one first, in words
 * (panels/provenanceWords.ts), each with a Replay button that runs the step again
 * (graph/canvas.ts `replay`, which records a step of its own). A file cannot be replayed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Canvas } from '../graph/canvas.ts';
import { replayable, stepLine } from './provenanceWords.ts';

/** The section's state: which replay is running and the last problem, kept across redraws. */
export interface ProvenanceState {
  running: string | null;
  problem: string | null;
}

/** The section for element `id`; `redraw` is called when a replay starts and ends. */
export function provenanceView(canvas: Canvas, id: string, state: ProvenanceState, redraw: () => void): TemplateResult {
  const steps = canvas.model.stepsOf(id);
  const nameOf = (n: string) => canvas.nodeName(n) ?? n;
  const replay = async (stepId: string) => {
    state.running = stepId;
    state.problem = null;
    redraw();
    try {
      if (!(await canvas.replay(stepId))) state.problem = 'That step cannot be replayed here.';
    } catch (err) {
      state.problem = `Replay failed: ${err instanceof Error ? err.message : String(err)}`;
    }
    state.running = null;
    redraw();
  };
  return html`<section class="provenance" data-testid="provenance" aria-label="How did this get here?">
    <h3 id="provenance-heading" tabindex="-1">How did this get here?</h3>
    ${
      steps.length === 0
        ? html`<p class="muted">No step of this view is recorded as bringing it (it came with the view opened).</p>`
        : html`<ol class="steps">
          ${steps.map(
            (s) => html`<li data-step-id=${s.id} data-step-kind=${s.kind}>
              <span class="step-words" dir="auto">${stepLine(s, nameOf)}</span>
              ${
                replayable(s)
                  ? html`<button
                      type="button"
                      data-testid="replay"
                      ?disabled=${canvas.model.readOnly || state.running !== null}
                      title="Run this step again"
                      @click=${() => void replay(s.id)}
                    >${state.running === s.id ? 'Replaying…' : 'Replay'}</button>`
                  : html`<span class="muted">(a file: open it again to replay)</span>`
              }
            </li>`,
          )}
        </ol>`
    }
    ${state.problem ? html`<p class="error" role="alert">${state.problem}</p>` : nothing}
  </section>`;
}
