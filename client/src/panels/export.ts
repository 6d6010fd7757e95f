/**
 * Export the view as PNG, SVG or JSON, and import a JSON view file again. Files are offered as
 * downloads from blob: URLs (allowed by the page's CSP); an import that is not a view file is refused
 * with the reason, leaving the canvas as it was.
 */
import { html, nothing, render } from 'lit';
import { offerDownload as download } from '../download.ts';
import type { Canvas } from '../graph/canvas.ts';

function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

export interface ExportControls {
  png(): Promise<void>;
}

export function mountExport(host: HTMLElement, canvas: Canvas): ExportControls {
  let message: { text: string; error: boolean } | null = null;

  async function png(): Promise<void> {
    download(await canvas.exportPng(), `faction-atlas-${stamp()}.png`);
  }

  function say(text: string, error = false): void {
    message = { text, error };
    draw();
  }

  async function importFile(e: Event): Promise<void> {
    const inputEl = e.target as HTMLInputElement;
    const file = inputEl.files?.[0];
    inputEl.value = '';
    if (!file) return;
    try {
      canvas.importJson(await file.text());
      say(`Imported ${file.name}`);
    } catch (err) {
      say(err instanceof Error ? err.message : String(err), true);
    }
  }

  function draw(): void {
    render(
      html`<h2>Export</h2>
        <div class="actions">
          <button data-testid="export-png" @click=${() => void png()}>PNG</button>
          <button data-testid="export-svg" @click=${() => download(canvas.exportSvg(), `faction-atlas-${stamp()}.svg`)}>SVG</button>
          <button data-testid="export-json" @click=${() => download(canvas.exportJson(), `faction-atlas-${stamp()}.json`)}>JSON</button>
          <label class="button" data-testid="import-json-label">
            Import JSON…
            <input type="file" accept="application/json,.json" data-testid="import-json" class="visually-hidden" @change=${importFile} />
          </label>
        </div>
        ${message ? html`<p class=${message.error ? 'error' : 'muted'} role="status">${message.text}</p>` : nothing}`,
      host,
    );
  }

  draw();
  return { png };
}
