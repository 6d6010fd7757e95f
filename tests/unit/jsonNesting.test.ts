/**
 * The nesting of a JSON text, read from its bytes without recursion (server/middleware/jsonDepth.ts):
 * brackets inside strings and escaped quotes do not count, and a 1,000,000-deep text is measured
 * without overflowing the stack.
 */
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../server/middleware/jsonDepth.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('nestsDeeperThan', () => {
  it('counts arrays and objects inside each other', () => {
    expect(nestsDeeperThan(bytes('{"a":[{"b":[]}]}'), 4)).toBe(false);
    expect(nestsDeeperThan(bytes('{"a":[{"b":[]}]}'), 3)).toBe(true);
    expect(nestsDeeperThan(bytes('[[],[],[],[]]'), 2)).toBe(false);
    expect(nestsDeeperThan(bytes('42'), 0)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes and backslashes included', () => {
    expect(nestsDeeperThan(bytes('["[[[[{{{{"]'), 1)).toBe(false);
    expect(nestsDeeperThan(bytes('["\\"[[[[", "\\\\", "{{{{"]'), 1)).toBe(false);
    expect(nestsDeeperThan(bytes('["\\\\"]'), 1)).toBe(false);
    expect(nestsDeeperThan(bytes('["جيش [النصر]", [[]]]'), 2)).toBe(true);
  });

  it('measures a text 1,000,000 deep without recursion', () => {
    const deep = bytes(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    expect(nestsDeeperThan(deep, 64)).toBe(true);
    expect(nestsDeeperThan(deep, 1_000_000)).toBe(false);
  });
});
