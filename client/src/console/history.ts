/**
 * The session's console queries, newest first, kept in sessionStorage so they survive a reload of
 * the tab but not its closing. Running a query again moves it to the top instead of repeating it.
 */

export interface HistoryEntry {
  query: string;
  /** The parameters editor's text, as it was. */
  params: string;
  /** When it last ran (ISO). */
  at: string;
  /** "5 rows", "SYNTAX_ERROR", "cancelled"... */
  outcome: string;
}

const KEY = 'faction-atlas.console-history';
export const HISTORY_LIMIT = 50;

export class QueryHistory {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'>) {}

  entries(): HistoryEntry[] {
    try {
      const stored: unknown = JSON.parse(this.storage.getItem(KEY) ?? '[]');
      return Array.isArray(stored) ? stored.filter(isEntry) : [];
    } catch {
      return []; // a damaged entry costs the history, not the console
    }
  }

  add(entry: HistoryEntry): HistoryEntry[] {
    const same = (e: HistoryEntry) => e.query === entry.query && e.params === entry.params;
    const next = [entry, ...this.entries().filter((e) => !same(e))].slice(0, HISTORY_LIMIT);
    try {
      this.storage.setItem(KEY, JSON.stringify(next));
    } catch {
      // storage full or refused: the list still shows this session's runs
    }
    return next;
  }
}

function isEntry(v: unknown): v is HistoryEntry {
  const e = v as Partial<HistoryEntry> | null;
  return (
    !!e &&
    typeof e.query === 'string' &&
    typeof e.params === 'string' &&
    typeof e.at === 'string' &&
    typeof e.outcome === 'string'
  );
}
