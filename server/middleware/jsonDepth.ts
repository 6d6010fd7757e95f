/**
 * How deep a JSON text nests, read from its UTF-8 bytes before it is parsed. V8's JSON.parse is
 * iterative and takes any depth, but much of what follows a parse recurses (JSON.stringify for a log
 * line or an error, zod, the driver's encoder), and a 100,000-deep array overflows the stack there and
 * answers 500. Refusing it up front, in one pass without recursion, makes every route answer 400.
 */
import { MAX_JSON_DEPTH, nestedTooDeep } from '../errors.ts';

export { MAX_JSON_DEPTH };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether the JSON text in `bytes` (UTF-8) opens more than `max` arrays or objects inside each other.
 * Brackets inside strings do not count; escapes are skipped. Multi-byte UTF-8 sequences never contain
 * these ASCII bytes (RFC 3629 §3), so scanning bytes is exact. Invalid JSON is left to JSON.parse.
 */
export function nestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) depth--;
  }
  return false;
}

/** Throws 400 NESTED_TOO_DEEP when `bytes` nest past MAX_JSON_DEPTH. */
export function assertShallowJson(bytes: Uint8Array): void {
  if (nestsDeeperThan(bytes, MAX_JSON_DEPTH)) throw nestedTooDeep();
}
