/**
 * The investigations' words: the save status, the window title (• while unsaved), a row's counts and
 * time, the changes notice's summary (none when nothing changed), the read-only share link, and the
 * ?investigation= link read back (only a UUID is taken).
 */
import { describe, expect, it } from 'vitest';
import type { SnapshotChanges } from '../../contract/investigation.ts';
import { copyTitle } from '../../client/src/investigations/sidebarRows.ts';
import {
  changesSummary,
  countsText,
  saveStateWords,
  shareLink,
  whenText,
  windowTitle,
} from '../../client/src/investigations/words.ts';
import { investigationFromQuery, investigationQuery } from '../../client/src/state/url.ts';

const ID = '3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d';

describe('investigation words', () => {
  it('names every save state, with the refusal when there is one', () => {
    expect(saveStateWords('saved')).toBe('Saved');
    expect(saveStateWords('saving')).toBe('Saving…');
    expect(saveStateWords('conflict')).toMatch(/newer version/);
    expect(saveStateWords('offline')).toMatch(/database is away/);
    expect(saveStateWords('error', 'title must not be empty')).toBe('Not saved: title must not be empty');
  });

  it('puts the title in the window title, marked while unsaved', () => {
    expect(windowTitle(null, true)).toBe('Faction Atlas');
    expect(windowTitle('Nasr', false)).toBe('Nasr — Faction Atlas');
    expect(windowTitle('Nasr', true)).toBe('• Nasr — Faction Atlas');
  });

  it('counts elements and notes, singular and plural, and says when', () => {
    expect(countsText({ nodes: 1, edges: 0, notes: 1 })).toBe('1 element · 1 note');
    expect(countsText({ nodes: 3, edges: 4, notes: 0 })).toBe('7 elements · 0 notes');
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(whenText('2026-03-01T11:59:40Z', now)).toBe('just now');
    expect(whenText('2026-03-01T11:15:00Z', now)).toBe('45 min ago');
    expect(whenText('2026-03-01T07:00:00Z', now)).toBe('5 h ago');
  });

  it('sums up changes since the snapshot, and says nothing when there are none', () => {
    const none: SnapshotChanges = { takenAt: '2026-01-01T00:00:00Z', added: { edges: [] }, removed: [], edited: [] };
    expect(changesSummary(none)).toBeNull();
    const some: SnapshotChanges = {
      ...none,
      removed: [
        { id: 'a', kind: 'node' },
        { id: 'b', kind: 'edge' },
      ],
      edited: [{ id: 'c', kind: 'source', fields: [{ field: 'title', before: 'x', after: 'y' }] }],
    };
    expect(changesSummary(some)).toBe('The data changed since this was saved: 0 added, 2 removed, 1 edited');
  });

  it('builds the read-only share link and reads investigation links back, UUIDs only', () => {
    expect(shareLink('http://127.0.0.1:8080', ID)).toBe(`http://127.0.0.1:8080/?investigation=${ID}&mode=read`);
    expect(investigationFromQuery(investigationQuery(ID, true))).toEqual({ id: ID, readOnly: true });
    expect(investigationFromQuery(investigationQuery(ID, false))).toEqual({ id: ID, readOnly: false });
    expect(investigationFromQuery('?investigation=../../api/x')).toBeNull();
    expect(investigationFromQuery('?n=jaysh-al-nasr')).toBeNull();
  });

  it('keeps a copy title within 200 characters', () => {
    expect(copyTitle('Nasr')).toBe('Nasr (copy)');
    expect(copyTitle('x'.repeat(200))).toHaveLength(200);
  });
});
