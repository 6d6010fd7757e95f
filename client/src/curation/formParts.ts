/**
 * The pieces every curation form is made of: a modal <dialog> in a host of its own under <body> (a
 * second form opened from the first, "New source…" from a claim, stacks above it in the top layer),
 * fields described by FieldSpec (the input's value is kept as text; toRecord turns the texts into the
 * record the contract's schema checks), and each field's message beside it (aria-invalid and
 * aria-describedby, so a screen reader reads it with the field). All data is rendered as text by lit.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import type { FieldErrors } from './fieldErrors.ts';

/**
 * How a field is entered: a line of text, several lines, a partial date (YYYY, YYYY-MM or YYYY-MM-DD),
 * a whole number, one name per line (a list), a choice among `options` ([value, words]), or a grade
 * chosen among `options` whose value is a number.
 */
export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'int' | 'lines' | 'select' | 'numberSelect';
  options?: readonly (readonly [string, string])[];
  hint?: string;
  /** Shown, not changeable (a claim's type and ends in a correction). */
  fixed?: boolean;
}

/** How a date is stated (contract/model.ts DATE_QUALIFIERS), in words. */
export const DATE_QUALIFIER_OPTIONS: readonly (readonly [string, string])[] = [
  ['', 'as given'],
  ['by', 'by (no later than)'],
  ['after', 'after (no earlier than)'],
  ['about', 'about'],
];

/** Why a fact was corrected, for its history (kept in the values beside the record's fields, never in the record). */
export const REASON_FIELD: FieldSpec = { name: 'reason', label: 'Why (for the history)', kind: 'text' };

/** The texts of a form's fields, by name. */
export type FormValues = Record<string, string>;

/**
 * The record the fields say: each text trimmed, an empty one left out (absent, not ""), a whole number
 * as a number (anything else kept as text, so the schema says what is wrong), a list split by lines.
 */
export function toRecord(specs: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const spec of specs) {
    const text = (values[spec.name] ?? '').trim();
    if (spec.kind === 'lines') {
      record[spec.name] = text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    } else if (text === '') {
      // absent
    } else if (spec.kind === 'int' || spec.kind === 'numberSelect') {
      record[spec.name] = /^-?\d+$/.test(text) ? Number(text) : text;
    } else record[spec.name] = text;
  }
  return record;
}

/** The texts a held record fills the fields with (a list one item per line). */
export function toValues(specs: readonly FieldSpec[], record: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const spec of specs) {
    const v = record[spec.name];
    if (Array.isArray(v)) values[spec.name] = v.map(String).join('\n');
    else if (v !== null && v !== undefined) values[spec.name] = String(v);
  }
  return values;
}

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';

/**
 * The prefix of the element ids the dialog being drawn gives its fields (set by openDialog around each
 * draw, which is synchronous): a form opened from another ("New source…") has fields of the same names,
 * and each label must point at its own input.
 */
let idPrefix = 'curation';

/** The element id of field `name` in the dialog being drawn. */
export function fieldId(name: string): string {
  return `${idPrefix}-${name}`;
}

/** One field: its label, its input, its hint and (when it has one) its message. */
export function field(spec: FieldSpec, values: FormValues, errors: FieldErrors, onChange?: () => void): TemplateResult {
  const id = fieldId(spec.name);
  const error = errors[spec.name];
  const hint = spec.hint ?? (spec.kind === 'date' ? DATE_HINT : spec.kind === 'lines' ? 'one per line' : '');
  const set = (e: Event) => {
    values[spec.name] = (e.target as HTMLInputElement).value;
    onChange?.();
  };
  const described = error ? `${id}-error` : hint ? `${id}-hint` : nothing;
  const common = { id, described, invalid: error ? 'true' : 'false' };
  let input: TemplateResult;
  if (spec.kind === 'select' || spec.kind === 'numberSelect') {
    const current = values[spec.name] ?? '';
    input = html`<select id=${common.id} name=${spec.name} ?disabled=${spec.fixed} aria-invalid=${common.invalid} aria-describedby=${common.described} @change=${set}>
      ${(spec.options ?? []).map(([value, words]) => html`<option value=${value} ?selected=${value === current}>${words}</option>`)}
    </select>`;
  } else if (spec.kind === 'textarea' || spec.kind === 'lines') {
    input = html`<textarea id=${common.id} name=${spec.name} rows=${spec.kind === 'lines' ? 2 : 3} ?disabled=${spec.fixed} aria-invalid=${common.invalid} aria-describedby=${common.described} .value=${values[spec.name] ?? ''} @input=${set}></textarea>`;
  } else {
    input = html`<input id=${common.id} name=${spec.name} type="text" inputmode=${spec.kind === 'int' ? 'numeric' : nothing} placeholder=${spec.kind === 'date' ? DATE_HINT : nothing} ?disabled=${spec.fixed} aria-invalid=${common.invalid} aria-describedby=${common.described} .value=${values[spec.name] ?? ''} @input=${set} />`;
  }
  return html`<div class="curation-field ${error ? 'invalid' : ''}" data-field=${spec.name}>
    <label for=${id}>${spec.label}</label>
    ${input}
    ${error ? html`<p class="field-error" id=${`${id}-error`} data-testid=${`error-${spec.name}`}>${error}</p>` : hint ? html`<p class="field-hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
  </div>`;
}

/** A field's message beside a part drawn by its own module (the cited sources, a claim's ends). */
export function fieldMessage(name: string, errors: FieldErrors): TemplateResult | typeof nothing {
  const error = errors[name];
  return error
    ? html`<p class="field-error" id=${`${fieldId(name)}-error`} data-testid=${`error-${name}`}>${error}</p>`
    : nothing;
}

export interface DialogFrame {
  /** The dialog's test id and its heading. */
  testid: string;
  title: string;
  body: TemplateResult;
  /** The message at the top (what belongs to no field), and whether it offers to reload. */
  problem?: string;
  reload?: () => void;
  busy: boolean;
  saveLabel?: string;
  onSave(): void;
  onCancel(): void;
}

let dialogs = 0;

/** A modal dialog drawn by `frame()` on each redraw; `close` takes it off the page. */
export function openDialog(frame: () => DialogFrame): { redraw(): void; close(): void } {
  const host = document.createElement('div');
  host.id = `curation-dialog-${++dialogs}`;
  document.body.append(host);
  const redraw = () => {
    idPrefix = host.id;
    const f = frame();
    render(
      html`<dialog class="curation-dialog" data-testid=${f.testid} aria-labelledby=${`${host.id}-title`}>
        <form method="dialog" novalidate @submit=${(e: Event) => {
          e.preventDefault();
          if (!f.busy) f.onSave();
        }}>
          <h2 id=${`${host.id}-title`}>${f.title}</h2>
          ${f.problem ? html`<p class="error" role="alert" data-testid="curation-error">${f.problem}${f.reload ? html` <button type="button" data-testid="curation-reload" @click=${f.reload}>Reload</button>` : nothing}</p>` : nothing}
          ${f.body}
          <div class="actions">
            <button type="button" data-testid="curation-cancel" @click=${f.onCancel}>Cancel</button>
            <button type="submit" data-testid="curation-save" ?disabled=${f.busy}>${f.busy ? 'Saving…' : (f.saveLabel ?? 'Save')}</button>
          </div>
        </form>
      </dialog>`,
      host,
    );
    idPrefix = 'curation';
  };
  const close = () => {
    host.querySelector('dialog')?.close();
    render(nothing, host);
    host.remove();
  };
  redraw();
  const dialog = host.querySelector('dialog')!;
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    frame().onCancel();
  });
  dialog.showModal();
  return { redraw, close };
}
