/**
 * Integers in paths and query strings, written as plain decimal digits only. `z.coerce.number()` reads
 * a string with JavaScript's Number(), which also takes hex (`0x10` → 16), binary and octal (`0b1`,
 * `0o7`), exponents (`1e2` → 100), a sign, a fraction point and surrounding blanks (` 7`): a revision
 * restored as `/restore/0x1`, a page at `offset=0x10`. None is how a person or our client writes a
 * number, and letting them through means two URLs for one thing and numbers nobody typed.
 */
import { z } from 'zod';

/** At most 15 digits: every such number is a safe integer, so none is rounded on the way in. */
const DECIMAL_DIGITS = /^[0-9]{1,15}$/;

/**
 * A whole number from `min` to `max` given as decimal digits (a path or query parameter, always a
 * string on the wire) or as a number (a caller in code). Anything else fails with a message saying
 * what to write, at the parameter's path. Add `.default(n)` after it for an optional parameter.
 */
export function decimalInteger(min: number, max: number) {
  return z.preprocess(
    (value) => (typeof value === 'string' && DECIMAL_DIGITS.test(value) ? Number(value) : value),
    z.int({ error: 'must be a whole number in decimal digits (0-9 only)' }).min(min).max(max),
  );
}
