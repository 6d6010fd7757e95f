/**
 * The investigations' small pieces of UI that float over the page: the conflict dialog (a save was
 * refused with 409 because someone saved a newer version: Reload, or Save as a copy) and a toast
 * with one action ("Deleted — Undo"), and hosts over the canvas for notices. All are built on demand in a host of their own under <body>.
 */
import { html, nothing, render } from 'lit';

function hostOf(id: string, parent: Element = document.body): HTMLElement {
  let el = document.getElementById(id);
  if (!el) {
    el = document.createElement('div');
    el.id = id;
    parent.append(el);
  }
  return el;
}

/** A host over the top of the canvas (index.html's .canvas-wrap), for notices about the picture drawn. */
export function canvasOverlay(id: string): HTMLElement {
  const el = hostOf(id, document.querySelector('.canvas-wrap') ?? document.body);
  el.classList.add('canvas-notice');
  return el;
}

export interface ConflictChoices {
  /** Drop local changes and open the newer version. */
  reload(): Promise<void>;
  /** Keep the local work as a new investigation. */
  saveCopy(): Promise<void>;
}

/**
 * Shows the conflict dialog (modal) until the analyst chooses; `currentVersion` is the version now
 * stored (null when unknown). A choice that throws keeps the dialog open with its message.
 */
export function showConflictDialog(currentVersion: number | null, choices: ConflictChoices): void {
  const host = hostOf('investigation-conflict');
  let problem = '';
  let working = false;
  const draw = () =>
    render(
      html`<dialog class="investigation-dialog" data-testid="conflict-dialog" aria-labelledby="conflict-title">
        <h2 id="conflict-title">Someone else saved a newer version</h2>
        <p>
          This investigation was saved elsewhere${currentVersion ? html` (now revision ${currentVersion})` : nothing}
          after you opened it. Your latest changes were not saved and nothing was overwritten.
        </p>
        ${problem ? html`<p class="error" role="alert">${problem}</p>` : nothing}
        <div class="actions">
          <button type="button" data-testid="conflict-reload" ?disabled=${working} @click=${() => void choose(choices.reload)}>
            Reload (drop my changes)
          </button>
          <button type="button" data-testid="conflict-copy" ?disabled=${working} @click=${() => void choose(choices.saveCopy)}>
            Save mine as a copy
          </button>
        </div>
      </dialog>`,
      host,
    );
  const choose = async (fn: () => Promise<void>) => {
    working = true;
    problem = '';
    draw();
    try {
      await fn();
      host.querySelector('dialog')?.close();
      render(nothing, host);
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    } finally {
      working = false;
      if (host.querySelector('dialog')) draw();
    }
  };
  draw();
  const dialog = host.querySelector('dialog')!;
  // Esc would leave the page in a conflict with no way out but these two: keep it open.
  dialog.addEventListener('cancel', (e) => e.preventDefault());
  if (!dialog.open) dialog.showModal();
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;

/** A message at the foot of the page with one action, gone after `ms` (or when the action is taken). */
export function showToast(text: string, action?: { label: string; run(): void }, ms = 10_000): void {
  const host = hostOf('investigation-toast');
  clearTimeout(toastTimer);
  const close = () => render(nothing, host);
  render(
    html`<div class="investigation-toast" role="status" data-testid="toast">
      <span>${text}</span>
      ${
        action
          ? html`<button
            type="button"
            data-testid="toast-action"
            @click=${() => {
              close();
              action.run();
            }}
          >
            ${action.label}
          </button>`
          : nothing
      }
      <button type="button" aria-label="Dismiss" @click=${close}>×</button>
    </div>`,
    host,
  );
  toastTimer = setTimeout(close, ms);
}
