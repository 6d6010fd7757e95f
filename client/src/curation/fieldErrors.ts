/**
 * Errors at the field: a form's record is checked with the contract's zod schema (contract/curation.ts
 * nodeInput, claimInput, sourceInput) and the import's whole-record rules (contract/importFile.ts
 * checkImportFile: a bound needs its figure, claimedBy needs a qualifier, an end after its start, the
 * ends' labels fit the type) before anything is sent; a server's 400 `details` are mapped the same way.
 * Each problem's path names a field of the record ("sources", "casualtiesBound", "aliases[2]"), or of
 * the request around it ("claim.sources", "reason"): its first field name is the form field that shows
 * the message. Pure: no DOM, so it is unit-tested.
 */
import type { z } from 'zod';
import { checkImportFile, type ImportFile, type KnownIds } from '../../../contract/importFile.ts';
import type { GraphLabel } from '../../../contract/model.ts';
import { ApiError } from '../api.ts';

/** Messages by field name; `''` holds what belongs to no field (shown at the top of the form). */
export type FieldErrors = Record<string, string>;

/** The request wrappers and import-file item prefixes a server's path may start with. */
const PREFIX = /^(?:(?:node|claim|source)\.|(?:nodes|relationships|sources)\[\d+\]\.)/;

/**
 * The form field a problem's path names: "claim.sources[0]" → "sources", "relationships[0].to" → "to",
 * "reason" → "reason"; "" for a path that names none (the record as a whole). A name the form has no
 * field for (a bare "claim") is the form's to show at its top (formErrorsFor).
 */
export function fieldOf(path: string | readonly PropertyKey[]): string {
  const dotted = typeof path === 'string' ? path : toDotted(path);
  const rest = dotted.replace(PREFIX, '');
  return /^[^.[]*/.exec(rest)?.[0] ?? '';
}

function toDotted(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Adds `message` to `field` unless the field already has one (the first problem is the one to fix). */
function put(errors: FieldErrors, field: string, message: string): void {
  if (!(field in errors)) errors[field] = message;
}

/** What an empty field is told, in words for the field; any other field is told "Required.". */
const REQUIRED_WORDS: Record<string, string> = {
  name: 'Required: give a name.',
  title: 'Required: give a title.',
  type: 'Required: choose a type.',
  label: 'Required: choose a kind.',
  source: 'Required: choose the node the claim is from.',
  target: 'Required: choose the node the claim is about.',
  sources: 'Required: cite at least one source.',
  reason: 'Required: say why.',
};

/** "Required…" for `field`. */
export function requiredWords(field: string): string {
  return REQUIRED_WORDS[field] ?? 'Required.';
}

/** A zod message that says only that nothing was given ("…, received undefined"), as a server 400 repeats it. */
const NOTHING_GIVEN = /received (undefined|null)$/;

/** The value at a zod path in `record`, or undefined where the path leads nowhere. */
function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = record;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/**
 * A zod error's issues by field. An issue whose input was left empty (undefined, null, or a blank
 * string) says the field is required rather than zod's "Invalid input: expected string, received
 * undefined" or an enum's raw list of values; `record` (what was checked) tells what was given.
 */
export function zodFieldErrors(error: z.ZodError, record?: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    const given = record === undefined ? undefined : valueAt(record, issue.path);
    const empty = given === undefined || given === null || (typeof given === 'string' && given.trim() === '');
    const required = (record !== undefined && empty && issue.code !== 'custom') || NOTHING_GIVEN.test(issue.message);
    put(errors, field, required ? requiredWords(field) : issue.message);
  }
  return errors;
}

/** Problems [{path, message}] (a server's 400 details, checkImportFile's problems) by field. */
export function problemFieldErrors(problems: readonly { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const field = fieldOf(p.path);
    put(errors, field, NOTHING_GIVEN.test(p.message) ? requiredWords(field) : p.message);
  }
  return errors;
}

/**
 * A failed write's errors for the form: a 400's details by field (its message at the top when it has
 * none), a 409 EDIT_CONFLICT as `conflict` (the form offers to reload), anything else at the top.
 */
export function apiFieldErrors(error: unknown): { errors: FieldErrors; conflict: boolean } {
  if (error instanceof ApiError) {
    if (error.status === 409 && error.code === 'EDIT_CONFLICT') {
      return {
        errors: { '': 'Someone changed this since you opened it: nothing was saved. Reload to see what is held now.' },
        conflict: true,
      };
    }
    const details = error.more.details ?? [];
    const errors = problemFieldErrors(details);
    if (details.length === 0 || !Object.keys(errors).some((k) => k !== '')) put(errors, '', error.message);
    if (error.status === 403) errors[''] = `Not allowed: ${error.message}`;
    return { errors, conflict: false };
  }
  return { errors: { '': error instanceof Error ? error.message : String(error) }, conflict: false };
}

/**
 * The errors a form shows: those of its `fields` at each field, every other one (no field, or a field the
 * form does not have) at the top under `''`.
 */
export function formErrorsFor(errors: FieldErrors, fields: readonly string[]): FieldErrors {
  const shown: FieldErrors = {};
  const top: string[] = [];
  for (const [field, message] of Object.entries(errors)) {
    if (field !== '' && fields.includes(field)) shown[field] = message;
    else top.push(field === '' ? message : `${field}: ${message}`);
  }
  if (top.length > 0) shown[''] = top.join(' ');
  return shown;
}

/**
 * Checks a form's record before it is sent: the schema, then (when it passes) the whole-record rules the
 * import applies. `labels` gives the label of each node id the record names (its ends); every cited
 * source is taken as held (the picker only offers held sources). Answers the parsed record, or the
 * errors by field.
 */
export function checkRecord<S extends z.ZodType>(
  schema: S,
  record: unknown,
  kind: 'node' | 'claim' | 'source',
  labels: (id: string) => GraphLabel | undefined = () => undefined,
): { ok: true; value: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(record);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error, record) };
  const value = parsed.data as Record<string, unknown>;
  const withId = { id: 'form-record', ...value };
  const cited = new Set(Array.isArray(value.sources) ? (value.sources as string[]) : []);
  const known: KnownIds = { labelOf: (id) => (cited.has(id) ? 'Source' : labels(id)) };
  const file: ImportFile = {
    sources: [],
    nodes: kind === 'node' ? [withId as ImportFile['nodes'][number]] : [],
    relationships: kind === 'claim' ? [withId as ImportFile['relationships'][number]] : [],
  };
  // Unknown ends are the server's to judge (a node not drawn here may be held): only rules on this record.
  const problems = checkImportFile(file, known).filter((p) => !/unknown (node|source)/.test(p.message));
  if (problems.length > 0) return { ok: false, errors: problemFieldErrors(problems) };
  return { ok: true, value: parsed.data };
}

/**
 * What a form shows after a failed write: apiFieldErrors's errors placed for the form's `fields`
 * (formErrorsFor), and whether to offer a reload (409 EDIT_CONFLICT).
 */
export function refusalFor(error: unknown, fields: readonly string[]): { errors: FieldErrors; conflict: boolean } {
  const mapped = apiFieldErrors(error);
  return { errors: formErrorsFor(mapped.errors, fields), conflict: mapped.conflict };
}
