/**
 * A change in a fact's history as a compact diff: only the fields whose value differs between the
 * version before and the version after (contract/curation.ts factChange), each said short. Pure.
 */
import type { FactChange } from '../../../contract/curation.ts';
import { describeInstant } from './knownOnWords.ts';

/** One field that changed: its value before and after ("" when it had none). */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** Bookkeeping of transaction time and identity: said by the change itself, never as a diff row. */
const BOOKKEEPING = new Set([
  'id',
  'recordedAt',
  'recordedBy',
  'supersededAt',
  'supersededBy',
  'endReason',
  'claimId',
  'validFrom',
  'validTo',
]);

/** A value as short text: strings as they are, lists joined, other values as JSON; nothing as "". */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields that differ between `before` and `after` (either may be null: a first record, a
 * retraction), in a stable order: those of `after` first as it lists them, then those only `before` had.
 */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const b = before ?? {};
  const a = after ?? {};
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields
    .filter((f) => !BOOKKEEPING.has(f) && !same(b[f], a[f]))
    .map((field) => ({ field, before: valueText(b[field]), after: valueText(a[field]) }));
}

/** What a change did, in words: "corrected by alice", "retracted by bob". */
export function changeWords(change: Pick<FactChange, 'action' | 'username'>): string {
  return `${change.action} by ${change.username}`;
}

/** When a change was made, in words (UTC). */
export function changeWhen(change: Pick<FactChange, 'at'>): string {
  return describeInstant(change.at);
}
