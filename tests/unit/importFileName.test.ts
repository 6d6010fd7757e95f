/**
 * An import's file name as the server stores and shows it (server/routes/import.ts shownFileName): no
 * control or bidirectional-override characters, at most 200 characters, never cut inside one.
 */
import { describe, expect, it } from 'vitest';
import { shownFileName } from '../../server/routes/import.ts';

describe('an import file name as shown', () => {
  it('drops control and bidi-override characters, so a name cannot read as another', () => {
    expect(shownFileName('photo\u202Egnp.exe')).toBe('photognp.exe');
    expect(shownFileName('a\u0000b\nc\u2066d.json')).toBe('abcd.json');
  });

  it('keeps at most 200 characters, whole', () => {
    const name = `${'x'.repeat(199)}🙂🙂.json`;
    expect([...shownFileName(name)!]).toHaveLength(200);
    expect(shownFileName(name)!.endsWith('🙂')).toBe(true);
  });

  it('keeps Arabic and ordinary names as they are; an empty one is none', () => {
    expect(shownFileName('جيش النصر.json')).toBe('جيش النصر.json');
    expect(shownFileName('\u202E')).toBeUndefined();
  });
});
