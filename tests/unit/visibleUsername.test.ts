/**
 * Usernames tried at sign-in cannot disguise themselves in the audit trail (server/auth/visibleUsername.ts):
 * a valid username is kept as it is; anything else is quoted, with controls, format/bidi characters,
 * line and paragraph separators and non-ASCII spaces written as \u{XXXX}.
 */
import { describe, expect, it } from 'vitest';
import { visibleUsername } from '../../server/auth/visibleUsername.ts';

describe('visibleUsername', () => {
  it('keeps a valid username as it is', () => {
    expect(visibleUsername('ana')).toBe('ana');
    expect(visibleUsername('Ana.B_c-9')).toBe('Ana.B_c-9');
  });

  it('quotes and makes visible a line break, a bidi override, a leading space', () => {
    expect(visibleUsername('ana\nFAKE')).toBe('"ana\\u{A}FAKE"');
    expect(visibleUsername('admin\u202Egnp.exe')).toBe('"admin\\u{202E}gnp.exe"');
    expect(visibleUsername(' ana')).toBe('" ana"');
  });

  it('writes every hidden kind as \\u{XXXX}: Cc, Cf, Zl, Zp, non-ASCII spaces, lone surrogates', () => {
    expect(visibleUsername('a\u0000b\u007Fc')).toBe('"a\\u{0}b\\u{7F}c"');
    expect(visibleUsername('a\u200Bb\u2066c\uFEFF')).toBe('"a\\u{200B}b\\u{2066}c\\u{FEFF}"');
    expect(visibleUsername('a\u2028b\u2029c')).toBe('"a\\u{2028}b\\u{2029}c"');
    expect(visibleUsername('a\u00A0b\u3000c')).toBe('"a\\u{A0}b\\u{3000}c"');
    expect(visibleUsername('a\uD800b')).toBe('"a\\u{D800}b"');
    expect(visibleUsername('a\u{E0041}b')).toBe('"a\\u{E0041}b"'); // a tag character (Cf), astral
  });

  it('escapes quotes and backslashes, so a quoted form cannot be closed early', () => {
    expect(visibleUsername('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('quotes reserved names and visible non-ASCII letters, which are no username either', () => {
    expect(visibleUsername('system')).toBe('"system"');
    expect(visibleUsername('LOCAL')).toBe('"LOCAL"');
    expect(visibleUsername('аdmin')).toBe('"аdmin"'); // a Cyrillic а: quoted, so not taken for admin
  });
});
