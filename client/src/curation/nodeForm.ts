/**
 * The node form: add a node (label from the model; name, aliases, description; the label's own fields:
 * a faction's kind from the model's list and its founding and dissolution dates with qualifiers, a
 * person's rank and occupation, an event's kind, dates and place, a place's kind; the sources cited,
 * at least one), or correct a held one (prefilled, label as held, `basedOn` and a reason). Checked with
 * contract/curation.ts nodeInput at the field before anything is sent. A new node is matched against
 * what is held first (matchList.ts); nothing is written until the analyst has chosen.
 */
import { html } from 'lit';
import type { NodeData } from '../../../contract/api.ts';
import { type NodeInput, nodeInput } from '../../../contract/curation.ts';
import { eventRecord, factionRecord, personRecord, placeRecord } from '../../../contract/importFile.ts';
import { FACTION_KINDS, type GraphLabel, GRAPH_LABELS } from '../../../contract/model.ts';
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
import { type MatchChoice, matchListView } from './matchList.ts';
import type { Match } from '../../../contract/curation.ts';
import { citePicker } from './pickers.ts';
import { openSourceForm } from './sourceForm.ts';

const LABEL: FieldSpec = {
  name: 'label',
  label: 'Kind of node',
  kind: 'select',
  options: GRAPH_LABELS.map((l) => [l, l] as const),
};

const COMMON: readonly FieldSpec[] = [
  { name: 'name', label: 'Name', kind: 'text' },
  { name: 'aliases', label: 'Other names', kind: 'lines', hint: 'one per line: spellings, translations, former names' },
  { name: 'description', label: 'Description', kind: 'textarea' },
];

/** Each label's own fields, as contract/importFile.ts's records have them. */
export const LABEL_FIELDS: Record<GraphLabel, readonly FieldSpec[]> = {
  Faction: [
    {
      name: 'kind',
      label: 'Kind',
      kind: 'select',
      options: [['', '(not stated)'], ...FACTION_KINDS.map((k) => [k, k] as const)],
    },
    { name: 'founded', label: 'Founded', kind: 'date' },
    { name: 'foundedQualifier', label: 'Founded is stated', kind: 'select', options: DATE_QUALIFIER_OPTIONS },
    { name: 'dissolved', label: 'Dissolved', kind: 'date' },
    { name: 'dissolvedQualifier', label: 'Dissolved is stated', kind: 'select', options: DATE_QUALIFIER_OPTIONS },
  ],
  Person: [
    { name: 'rank', label: 'Rank', kind: 'text' },
    { name: 'occupation', label: 'Occupation', kind: 'text' },
  ],
  Event: [
    { name: 'kind', label: 'Kind', kind: 'text', hint: 'e.g. battle, killing, offensive' },
    { name: 'date', label: 'Date', kind: 'date' },
    { name: 'dateQualifier', label: 'Date is stated', kind: 'select', options: DATE_QUALIFIER_OPTIONS },
    { name: 'endDate', label: 'End date', kind: 'date' },
    { name: 'place', label: 'Place', kind: 'text' },
  ],
  Place: [{ name: 'kind', label: 'Kind', kind: 'text', hint: 'e.g. town, province' }],
};

const RECORDS = { Faction: factionRecord, Person: personRecord, Event: eventRecord, Place: placeRecord };

function specsOf(label: GraphLabel): FieldSpec[] {
  return [...COMMON, ...LABEL_FIELDS[label]];
}

/** Held keys the form does not show go back as they were. */
function heldRest(label: GraphLabel, held: Record<string, unknown>): Record<string, unknown> {
  const shown = new Set(['label', 'sources', ...specsOf(label).map((f) => f.name)]);
  const keys = Object.keys(RECORDS[label].shape).filter((k) => !shown.has(k));
  return Object.fromEntries(keys.filter((k) => held[k] !== null && held[k] !== undefined).map((k) => [k, held[k]]));
}

export interface NodeFormOptions {
  /** The node to correct, as GET /api/nodes/:id gives it, with its sources. */
  held?: { node: NodeData; sources: { id: string; title: string | null; name: string }[] };
  /** A new node's label. */
  label?: GraphLabel;
}

/** Opens the node form; answers the id of the node written (or merged into), or null when cancelled. */
export function openNodeForm(deps: CurationDeps, options: NodeFormOptions = {}): Promise<string | null> {
  const held = options.held?.node;
  let label: GraphLabel = (held?.label as GraphLabel | undefined) ?? options.label ?? 'Faction';
  const values: FormValues = held ? toValues(specsOf(label), held) : {};
  values.label = label;
  let errors: FieldErrors = {};
  let busy = false;
  let conflict = false;
  let matches: Match[] | null = null;
  let pending: NodeInput | null = null;
  let dialog: ReturnType<typeof openDialog> | undefined;
  const redraw = () => dialog?.redraw();
  const cited = citePicker(
    deps.api,
    (options.held?.sources ?? []).map((s) => ({ id: s.id, title: s.title ?? s.name })),
    redraw,
    () => openSourceForm(deps),
    () => delete errors.sources,
  );
  const fieldNames = () => ['label', ...specsOf(label).map((f) => f.name), 'sources', 'reason'];

  return new Promise((resolve) => {
    const finish = (id: string | null) => {
      dialog!.close();
      resolve(id);
    };
    const failed = (error: unknown) => {
      ({ errors, conflict } = refusalFor(error, fieldNames()));
      busy = false;
      matches = null;
      redraw();
    };
    const run = async (work: () => Promise<string>) => {
      busy = true;
      errors = {};
      redraw();
      try {
        finish(await work());
      } catch (error) {
        failed(error);
      }
    };
    const save = async () => {
      const record: Record<string, unknown> = {
        ...(held ? heldRest(label, held) : {}),
        ...toRecord(specsOf(label), values),
        label,
        sources: [...cited.chosen],
      };
      if (held) record.id = held.id;
      const checked = checkRecord(nodeInput, record, 'node');
      if (!checked.ok) {
        errors = formErrorsFor(checked.errors, fieldNames());
        redraw();
        return;
      }
      const node = checked.value as NodeInput;
      if (held) {
        await run(async () => {
          const written = await deps.curation.editNode(held.id, {
            record: node,
            basedOn: basedOnOf(held),
            reason: values.reason,
          });
          await deps.afterWrite({ kind: 'node', id: written.id });
          return written.id;
        });
        return;
      }
      busy = true;
      redraw();
      try {
        const found = await deps.curation.matches({ label, name: node.name, aliases: node.aliases });
        busy = false;
        if (found.length === 0) await run(() => add(node, false));
        else {
          pending = node;
          matches = found;
          redraw();
        }
      } catch (error) {
        failed(error);
      }
    };
    const add = async (node: NodeInput, keepBoth: boolean): Promise<string> => {
      const written = await deps.curation.addNode(node, keepBoth);
      await deps.afterWrite({ kind: 'node', id: written.id, show: [written.id] });
      return written.id;
    };
    /** The three choices of the match list (matchList.ts says why each is done this way). */
    const choose = (choice: MatchChoice, existing: Match['existing']) => {
      const node = pending!;
      if (choice === 'keep') void run(() => add(node, true));
      else if (choice === 'merge') {
        void run(async () => {
          const added = await deps.curation.addNode(node, true);
          await deps.curation.merge(existing.id, added.id, `the same as ${existing.name}, added from a new source`);
          await deps.afterWrite({ kind: 'node', id: existing.id, show: [existing.id] });
          return existing.id;
        });
      } else {
        void run(async () => {
          const added = await deps.curation.addNode(node, true);
          await deps.curation.sameAs(added.id, existing.id, node.sources);
          await deps.afterWrite({ kind: 'node', id: added.id, show: [added.id, existing.id] });
          return added.id;
        });
      }
    };
    const reload = async () => {
      const fresh = await deps.api.node(held!.id).catch(() => null);
      finish(null);
      if (fresh) void openNodeForm(deps, { held: fresh });
    };
    const formBody = () => html`${field({ ...LABEL, fixed: held !== undefined }, values, errors, () => {
      label = values.label as GraphLabel;
      redraw();
    })}
      ${specsOf(label).map((f) => field(f, values, errors))}
      ${cited.view(errors)}
      ${held ? field(REASON_FIELD, values, errors) : ''}`;
    dialog = openDialog(() => ({
      testid: 'node-form',
      title: held ? `Correct ${held.name}` : matches ? 'Is it one of these?' : 'Add a node',
      problem: errors[''],
      reload: conflict ? () => void reload() : undefined,
      busy,
      saveLabel: matches ? 'Back to the form' : undefined,
      onSave: () => {
        if (matches) {
          matches = null;
          redraw();
        } else void save();
      },
      onCancel: () => finish(null),
      body: matches && pending ? matchListView(pending, matches, busy, choose) : formBody(),
    }));
  });
}
