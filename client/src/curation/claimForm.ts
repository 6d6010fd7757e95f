/**
 * The claim form: add a claim (a relationship between two nodes: its type from the model, its ends
 * picked from the canvas or found by name, its dates with qualifiers, how the source states it and
 * who claims it, a casualty figure with its bound and what it counts, a role, a description, the
 * sources cited — at least one — and the analyst's credibility 1–6 in the doctrine's words), or
 * correct a held one (the same form prefilled; type and ends as held; sends `basedOn` and a reason).
 * Checked with contract/curation.ts claimInput and the import's whole-record rules at the field before
 * anything is sent. Also the retraction form: a reason is required.
 */
import { html } from 'lit';
import type { EdgeData } from '../../../contract/api.ts';
import { claimInput, type ClaimInput } from '../../../contract/curation.ts';
import { CREDIBILITY, CREDIBILITY_WORDS } from '../../../contract/grades.ts';
import { relationshipRecord } from '../../../contract/importFile.ts';
import {
  CLAIM_QUALIFIERS,
  FIGURE_BOUNDS,
  type GraphLabel,
  GRAPH_LABELS,
  RELATIONSHIP_TYPES,
} from '../../../contract/model.ts';
import { TYPE_WORDS } from '../graph/style.ts';
import { basedOnOf } from './curationApi.ts';
import type { CurationDeps } from './deps.ts';
import { checkRecord, type FieldErrors, formErrorsFor, refusalFor } from './fieldErrors.ts';
import {
  DATE_QUALIFIER_OPTIONS,
  field,
  type FieldSpec,
  type FormValues,
  openDialog,
  REASON_FIELD,
  toRecord,
  toValues,
} from './formParts.ts';
import { citePicker, type NodeChoice, nodePicker } from './pickers.ts';
import { openSourceForm } from './sourceForm.ts';

const TYPE: FieldSpec = {
  name: 'type',
  label: 'Relationship',
  kind: 'select',
  options: [['', '(choose a type)'], ...RELATIONSHIP_TYPES.map((t) => [t, `${TYPE_WORDS[t]} (${t})`] as const)],
};

/** The fields after the two ends, in the order the form shows them. */
export const CLAIM_FIELDS: readonly FieldSpec[] = [
  { name: 'from', label: 'From', kind: 'date' },
  { name: 'fromQualifier', label: 'From is stated', kind: 'select', options: DATE_QUALIFIER_OPTIONS },
  { name: 'to', label: 'To', kind: 'date' },
  { name: 'toQualifier', label: 'To is stated', kind: 'select', options: DATE_QUALIFIER_OPTIONS },
  {
    name: 'qualifier',
    label: 'The source states it',
    kind: 'select',
    options: [['', 'as fact'], ...CLAIM_QUALIFIERS.map((q) => [q, q] as const)],
  },
  { name: 'claimedBy', label: 'Claimed by', kind: 'text', hint: 'who the source says makes the claim' },
  { name: 'casualties', label: 'Casualties', kind: 'int', hint: 'a whole number, as the source gives it' },
  {
    name: 'casualtiesBound',
    label: 'The figure is',
    kind: 'select',
    options: [['', 'exact'], ...FIGURE_BOUNDS.map((b) => [b, b] as const)],
  },
  { name: 'casualtiesCounted', label: 'The figure counts', kind: 'text', hint: "in the source's own terms" },
  { name: 'role', label: 'Role', kind: 'text' },
  { name: 'description', label: 'Description', kind: 'textarea' },
  {
    name: 'credibility',
    label: 'Credibility',
    kind: 'numberSelect',
    options: [['', 'not graded'], ...CREDIBILITY.map((c) => [String(c), `${c}: ${CREDIBILITY_WORDS[c]}`] as const)],
  },
];

const ALL_FIELDS = ['type', 'source', 'target', ...CLAIM_FIELDS.map((f) => f.name), 'sources', 'reason'];

export interface ClaimFormOptions {
  /** A new claim's start (from a node's menu: "Add a claim from here"). */
  from?: string;
  /** The claim to correct, as drawn. */
  held?: EdgeData;
}

/** Held keys the form does not show go back as they were (none today; kept for fields added later). */
function heldRest(held: Record<string, unknown>): Record<string, unknown> {
  const shown = new Set(['type', 'source', 'target', 'sources', ...CLAIM_FIELDS.map((f) => f.name)]);
  const keys = Object.keys(relationshipRecord.shape).filter((k) => !shown.has(k));
  return Object.fromEntries(keys.filter((k) => held[k] !== null && held[k] !== undefined).map((k) => [k, held[k]]));
}

/** The nodes drawn on the canvas, as choices for a claim's ends. */
function canvasChoices(deps: CurationDeps): NodeChoice[] {
  return deps.canvas
    .drawnElements()
    .nodes.filter((n) => (GRAPH_LABELS as readonly string[]).includes(n.label))
    .map((n) => ({ id: n.id, name: n.name, label: n.label as GraphLabel }));
}

/** Opens the claim form; answers the claim's id once written, or null when cancelled. */
export function openClaimForm(deps: CurationDeps, options: ClaimFormOptions = {}): Promise<string | null> {
  const held = options.held;
  const values: FormValues = held ? { type: held.type, ...toValues(CLAIM_FIELDS, held) } : {};
  let errors: FieldErrors = {};
  let busy = false;
  let conflict = false;
  const redraw = () => dialog?.redraw();
  const choices = canvasChoices(deps);
  const start = nodePicker(deps.api, 'source', 'From (start)', choices, held?.source ?? options.from ?? '', redraw);
  const end = nodePicker(deps.api, 'target', 'To (end)', choices, held?.target ?? '', redraw);
  const cited = citePicker(
    deps.api,
    (held?.sources ?? []).map((id) => ({ id, title: id })),
    redraw,
    () => openSourceForm(deps),
    () => delete errors.sources,
  );
  // The held citations' titles, read once (chips show ids until they come).
  for (const id of held?.sources ?? []) {
    void deps.api.node(id).then(
      (d) => cited.add(id, typeof d.node.title === 'string' ? d.node.title : d.node.name),
      () => {},
    );
  }
  let dialog: ReturnType<typeof openDialog> | undefined;
  return new Promise((resolve) => {
    const finish = (id: string | null) => {
      dialog!.close();
      resolve(id);
    };
    const save = async () => {
      const record: Record<string, unknown> = {
        ...(held ? heldRest(held) : {}),
        ...toRecord([TYPE, ...CLAIM_FIELDS], values),
        source: start.value || undefined,
        target: end.value || undefined,
        sources: [...cited.chosen],
      };
      if (held) record.id = held.id;
      const labels = (id: string) => start.labelOf(id) ?? end.labelOf(id) ?? deps.canvas.nodeData(id)?.label;
      const checked = checkRecord(claimInput, record, 'claim', (id) => labels(id) as GraphLabel | undefined);
      if (!checked.ok) {
        errors = formErrorsFor(checked.errors, ALL_FIELDS);
        redraw();
        return;
      }
      busy = true;
      errors = {};
      redraw();
      try {
        const claim = checked.value as ClaimInput;
        const written = held
          ? await deps.curation.correctClaim(held.id, {
              record: claim,
              basedOn: basedOnOf(held),
              reason: values.reason,
            })
          : await deps.curation.addClaim(claim);
        await deps.afterWrite({ kind: 'claim', id: written.id, show: [claim.source, claim.target] });
        finish(written.id);
      } catch (error) {
        ({ errors, conflict } = refusalFor(error, ALL_FIELDS));
        busy = false;
        redraw();
      }
    };
    const reload = async () => {
      await deps.canvas.refreshFromDatabase().catch(() => {});
      const fresh = deps.canvas.drawnElements().edges.find((e) => e.id === held!.id);
      finish(null);
      if (fresh) void openClaimForm(deps, { held: fresh });
    };
    dialog = openDialog(() => ({
      testid: 'claim-form',
      title: held ? 'Correct the claim' : 'Add a claim',
      problem: errors[''],
      reload: conflict ? () => void reload() : undefined,
      busy,
      onSave: () => void save(),
      onCancel: () => finish(null),
      body: html`${field({ ...TYPE, fixed: held !== undefined }, values, errors)}
        ${start.view(errors, held !== undefined)}
        ${end.view(errors, held !== undefined)}
        <div class="field-row">${CLAIM_FIELDS.slice(0, 2).map((f) => field(f, values, errors))}</div>
        <div class="field-row">${CLAIM_FIELDS.slice(2, 4).map((f) => field(f, values, errors))}</div>
        ${CLAIM_FIELDS.slice(4).map((f) => field(f, values, errors))}
        ${cited.view(errors)}
        ${held ? field(REASON_FIELD, values, errors) : ''}`,
    }));
  });
}

/** The retraction form: why (required); answers true once retracted. */
export function openRetractForm(deps: CurationDeps, held: EdgeData, words: string): Promise<boolean> {
  const values: FormValues = {};
  let errors: FieldErrors = {};
  let busy = false;
  let conflict = false;
  return new Promise((resolve) => {
    const finish = (done: boolean) => {
      dialog.close();
      resolve(done);
    };
    const save = async () => {
      const reason = (values.reason ?? '').trim();
      if (!reason) {
        errors = { reason: 'say why: a retraction is kept in the history with its reason' };
        dialog.redraw();
        return;
      }
      busy = true;
      errors = {};
      dialog.redraw();
      try {
        await deps.curation.retractClaim(held.id, reason, basedOnOf(held));
        await deps.afterWrite({ kind: 'claim', id: held.id });
        finish(true);
      } catch (error) {
        ({ errors, conflict } = refusalFor(error, ['reason']));
        busy = false;
        dialog.redraw();
      }
    };
    const dialog = openDialog(() => ({
      testid: 'retract-form',
      title: 'Retract the claim',
      problem: errors[''],
      reload: conflict
        ? () => {
            finish(false);
            void deps.canvas.refreshFromDatabase();
          }
        : undefined,
      busy,
      saveLabel: 'Retract',
      onSave: () => void save(),
      onCancel: () => finish(false),
      body: html`<p><bdi>${words}</bdi></p>
        <p class="muted">The claim ends now; it stays in its history and in what was known before today.</p>
        ${field({ name: 'reason', label: 'Why (required)', kind: 'text' }, values, errors)}`,
    }));
  });
}
