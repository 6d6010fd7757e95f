/**
 * The source form: add a source (name, title, author, publisher, date, link, reliability A–F with the
 * doctrine's words) or correct a held one (prefilled from what is held; sends `basedOn` and a reason).
 * Checked with contract/curation.ts sourceInput at the field before anything is sent.
 */
import { html, nothing } from 'lit';
import { sourceInput, type SourceInput } from '../../../contract/curation.ts';
import { RELIABILITY, RELIABILITY_WORDS } from '../../../contract/grades.ts';
import { sourceRecord } from '../../../contract/importFile.ts';
import type { CurationDeps } from './deps.ts';
import { basedOnOf } from './curationApi.ts';
import { checkRecord, type FieldErrors, formErrorsFor, refusalFor } from './fieldErrors.ts';
import { type FieldSpec, field, type FormValues, openDialog, REASON_FIELD, toRecord, toValues } from './formParts.ts';
import { citePicker } from './pickers.ts';

export const SOURCE_FIELDS: readonly FieldSpec[] = [
  {
    name: 'name',
    label: 'Name',
    kind: 'text',
    hint: 'how the source is referred to, e.g. "Enab Baladi, 19 February 2017"',
  },
  { name: 'title', label: 'Title', kind: 'text' },
  { name: 'author', label: 'Author', kind: 'text' },
  { name: 'publisher', label: 'Publisher', kind: 'text' },
  { name: 'date', label: 'Date', kind: 'date' },
  { name: 'url', label: 'Link', kind: 'text', hint: 'http:// or https://' },
  {
    name: 'reliability',
    label: 'Reliability',
    kind: 'select',
    options: [
      ['', 'not graded (shown as F)'],
      ...RELIABILITY.map((r) => [r, `${r}: ${RELIABILITY_WORDS[r]}`] as const),
    ],
  },
  { name: 'description', label: 'Description', kind: 'textarea' },
];

/** Held keys the form does not show (number, accessed, language) go back as they were. */
function heldRest(held: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(sourceRecord.shape).filter((k) => !SOURCE_FIELDS.some((f) => f.name === k));
  return Object.fromEntries(keys.filter((k) => held[k] !== null && held[k] !== undefined).map((k) => [k, held[k]]));
}

/**
 * Opens the form; answers the source written ({id, title}) or null when cancelled. `held`: the source
 * to correct, as GET /api/nodes/:id gives it.
 */
export function openSourceForm(
  deps: CurationDeps,
  held?: Record<string, unknown>,
): Promise<{ id: string; title: string } | null> {
  const values: FormValues = held ? toValues(SOURCE_FIELDS, held) : {};
  let errors: FieldErrors = {};
  let busy = false;
  let conflict = false;
  const editing = held !== undefined;
  return new Promise((resolve) => {
    const fields = [...SOURCE_FIELDS.map((f) => f.name), 'reason'];
    const finish = (result: { id: string; title: string } | null) => {
      dialog.close();
      resolve(result);
    };
    const save = async () => {
      const record = { ...(held ? heldRest(held) : {}), ...toRecord(SOURCE_FIELDS, values) };
      record.title ??= null;
      if (held) record.id = held.id;
      const checked = checkRecord(sourceInput, record, 'source');
      if (!checked.ok) {
        errors = formErrorsFor(checked.errors, fields);
        dialog.redraw();
        return;
      }
      busy = true;
      errors = {};
      dialog.redraw();
      try {
        const source = checked.value as SourceInput;
        const written = held
          ? await deps.curation.editSource(String(held.id), {
              record: source,
              basedOn: basedOnOf(held),
              reason: values.reason,
            })
          : await deps.curation.addSource(source);
        await deps.afterWrite({ kind: 'source', id: written.id });
        finish({ id: written.id, title: source.title ?? source.name });
      } catch (error) {
        ({ errors, conflict } = refusalFor(error, fields));
        busy = false;
        dialog.redraw();
      }
    };
    const reload = async () => {
      const fresh = await deps.api.node(String(held!.id)).catch(() => null);
      dialog.close();
      resolve(fresh ? openSourceForm(deps, fresh.node) : null);
    };
    const dialog = openDialog(() => ({
      testid: 'source-form',
      title: editing ? 'Correct the source' : 'Add a source',
      problem: errors[''],
      reload: conflict ? () => void reload() : undefined,
      busy,
      onSave: () => void save(),
      onCancel: () => finish(null),
      body: html`${SOURCE_FIELDS.map((f) => field(f, values, errors))}
        ${editing ? field(REASON_FIELD, values, errors) : nothing}`,
    }));
  });
}

/**
 * "Correct a source…": a held source found by its title, author or publisher (search), then the source
 * form prefilled with it. Answers the source written, or null when cancelled.
 */
export function openSourceCorrection(deps: CurationDeps): Promise<{ id: string; title: string } | null> {
  let problem = '';
  let picked: string | null = null;
  return new Promise((resolve) => {
    const picker = citePicker(
      deps.api,
      [],
      () => dialog.redraw(),
      async () => null,
    );
    const finish = (result: { id: string; title: string } | null) => {
      dialog.close();
      resolve(result);
    };
    const open = async () => {
      picked = picker.chosen[0] ?? null;
      if (!picked) {
        problem = 'Find the source to correct, then choose it.';
        dialog.redraw();
        return;
      }
      const held = await deps.api.node(picked).catch((error: unknown) => {
        problem = error instanceof Error ? error.message : String(error);
        return null;
      });
      if (!held) {
        dialog.redraw();
        return;
      }
      // This dialog goes; the answer is the form's.
      dialog.close();
      resolve(await openSourceForm(deps, held.node));
    };
    const dialog = openDialog(() => ({
      testid: 'source-correction',
      title: 'Correct a source',
      problem: problem || undefined,
      busy: false,
      saveLabel: 'Open',
      onSave: () => void open(),
      onCancel: () => finish(null),
      body: picker.view({}, { single: true }),
    }));
  });
}
