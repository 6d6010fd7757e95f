/**
 * Parameters as the analyst writes them, checked before anything is sent: the console's JSON object
 * (parseParams), and the values of a named query's form (formParams). The server has the last word on
 * a named query's values (it answers 400 naming the parameter); here they are only given their type.
 */
import type { NamedQueryParam } from '../../../contract/console.ts';

export type ParamsCheck = { ok: true; params: Record<string, unknown> } | { ok: false; message: string };

/** The parameters editor's text: empty for none, else a JSON object. */
export function parseParams(text: string): ParamsCheck {
  if (text.trim() === '') return { ok: true, params: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `Parameters are not valid JSON: ${(err as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'Parameters must be a JSON object, such as {"id": "jaysh-al-nasr"}' };
  }
  return { ok: true, params: value as Record<string, unknown> };
}

/** The names of the parameters written so far, for completing `$name` (none while the JSON is broken). */
export function paramNames(text: string): string[] {
  const check = parseParams(text);
  return check.ok ? Object.keys(check.params) : [];
}

/** A form field's value as the form holds it: text, or checked for a boolean. */
export type FieldValue = string | boolean;

/** What a form field starts with: the parameter's default, or empty. */
export function initialField(param: NamedQueryParam): FieldValue {
  if (param.type === 'boolean') return param.default === true;
  return param.default === null || param.default === undefined ? '' : String(param.default);
}

/**
 * The request's `params` from the form: numbers as numbers, booleans as booleans, text as text. An
 * empty field is left out, so the server uses the default (or says the parameter is required); text
 * that is not a number is sent as it is, for the server to refuse by name.
 */
export function formParams(
  params: readonly NamedQueryParam[],
  fields: Record<string, FieldValue>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of params) {
    const v = fields[p.name] ?? initialField(p);
    if (p.type === 'boolean') {
      out[p.name] = v === true;
      continue;
    }
    const text = String(v).trim();
    if (text === '') continue;
    if (p.type === 'integer' || p.type === 'float') {
      const n = Number(text);
      out[p.name] = Number.isFinite(n) ? n : text;
    } else out[p.name] = text;
  }
  return out;
}
