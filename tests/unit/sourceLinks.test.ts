/**
 * Which stored source urls the client renders as links (contract/importFile.ts linkableUrl): http(s)
 * only, whatever older data or a hand-written database holds, so a javascript: or data: URL is never
 * a link an analyst could click.
 */
import { describe, expect, it } from 'vitest';
import { linkableUrl } from '../../contract/importFile.ts';

describe('linkableUrl', () => {
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    'not a url',
    '',
  ])('is null for %j', (url) => {
    expect(linkableUrl(url)).toBeNull();
  });

  it('is null for anything but a string', () => {
    for (const value of [null, undefined, 42, { href: 'https://x.org' }]) expect(linkableUrl(value)).toBeNull();
  });

  it('gives http and https URLs back, normalised', () => {
    expect(linkableUrl('https://jamestown.org/program/x/')).toBe('https://jamestown.org/program/x/');
    expect(linkableUrl(' HTTP://Example.org/a b')).toBe('http://example.org/a%20b');
  });
});
