/**
 * The investigations' words, kept pure (no DOM) so unit tests read them: the save state as the status
 * shows it, the window title, a list row's counts and time, the changes notice's summary, and the
 * share link.
 */
import type { SnapshotChanges } from '../../../contract/investigation.ts';
import type { SaveState } from './autosave.ts';

export const APP_NAME = 'Faction Atlas';

/** What the save status says in each state (`problem`: the last refusal's message, for `error`). */
export function saveStateWords(state: SaveState, problem = ''): string {
  switch (state) {
    case 'none':
      return 'Not saved: no investigation open';
    case 'saved':
      return 'Saved';
    case 'unsaved':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'conflict':
      return 'Not saved: someone else saved a newer version';
    case 'offline':
      return 'Not saved: the database is away (will retry)';
    case 'error':
      return problem ? `Not saved: ${problem}` : 'Not saved';
    case 'read-only':
      return 'Read-only';
  }
}

/** The window title: the investigation's title (with • while unsaved) and the app's name. */
export function windowTitle(title: string | null, unsaved: boolean): string {
  if (!title) return APP_NAME;
  return `${unsaved ? '• ' : ''}${title} — ${APP_NAME}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "12 elements · 3 notes" for a list row (nodes and links together are elements). */
export function countsText(counts: { nodes: number; edges: number; notes: number }): string {
  return `${plural(counts.nodes + counts.edges, 'element')} · ${plural(counts.notes, 'note')}`;
}

/**
 * When something happened, in the reader's terms: "just now", "5 min ago", "3 h ago", else the date
 * (and time) in the page's locale. `iso`: an instant; `now`: ms since the epoch.
 */
export function whenText(iso: string, now = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const minutes = Math.floor((now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return new Date(then).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** How many elements changed since the snapshot, by what happened to them. */
export function changeCounts(changes: SnapshotChanges): { added: number; removed: number; edited: number } {
  return { added: changes.added.edges.length, removed: changes.removed.length, edited: changes.edited.length };
}

/** "The data changed since this was saved: 1 added, 2 removed, 0 edited", or null when nothing changed. */
export function changesSummary(changes: SnapshotChanges): string | null {
  const { added, removed, edited } = changeCounts(changes);
  if (added + removed + edited === 0) return null;
  return `The data changed since this was saved: ${added} added, ${removed} removed, ${edited} edited`;
}

/**
 * The link to an investigation. Without sign-in (`auth` false) anyone with it can open it, and it opens
 * read-only (`mode=read`); with sign-in it opens for those it is shared with, each with their own
 * access (read or edit), so it carries no mode (mount.ts ignores `mode=read` then).
 */
export function shareLink(origin: string, id: string, auth = false): string {
  return `${origin}/?investigation=${encodeURIComponent(id)}${auth ? '' : '&mode=read'}`;
}

/** What Share's box says the link does. */
export function shareLinkWords(auth: boolean): string {
  return auth
    ? 'Whoever it is shared with opens it by this link, with the access they have: read, or edit.'
    : 'Anyone with this link can view this investigation, not change it.';
}

/** What the page says when an investigation's link cannot be opened because the server answers 404. */
export const INVESTIGATION_NOT_FOUND_WORDS =
  'This investigation was not found, is in the bin, or is not shared with you.';
