/**
 * The form in which a username tried at sign-in goes into the audit trail (issue 10). A tried name is
 * whatever a stranger sent, so as written it could pass for another entry: `ana\nFAKE` breaks a line
 * of an export, `admin\u202Egnp.exe` (a right-to-left override) reads as another name, ` ana` and
 * `local` look like a real user or the server itself. A valid username (contract/auth.ts `username`:
 * letters, digits, `.`, `_`, `-`, not reserved) is stored as it is; anything else is stored quoted,
 * as a JSON string would be, with every control, format and bidi character (Unicode general
 * categories Cc, Cf, Zl, Zp, and lone surrogates, Cs) and every space but U+0020 (Zs) written as
 * `\u{XXXX}`, so what an admin reads is what was sent: `"ana\u{A}FAKE"`, `"admin\u{202E}gnp.exe"`,
 * `" ana"`. A quoted form never passes for a username, which cannot hold `"`.
 * Categories: Unicode Standard Annex #44, General_Category (https://www.unicode.org/reports/tr44/).
 */
import { username } from '../../contract/auth.ts';

const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|(?! )\p{Zs}/u;

/** `tried` as is when it is a valid username; else quoted with hidden characters made visible (see above). */
export function visibleUsername(tried: string): string {
  if (username.safeParse(tried).success) return tried;
  let out = '"';
  // for…of walks code points, so an astral character is one unit and a lone surrogate is one too.
  for (const ch of tried) {
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (HIDDEN.test(ch)) out += `\\u{${(ch.codePointAt(0) as number).toString(16).toUpperCase()}}`;
    else out += ch;
  }
  return `${out}"`;
}
