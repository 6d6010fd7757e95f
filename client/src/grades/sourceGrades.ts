/**
 * The reliability (A–F) of every source whose claims the client shows, asked of the server in one
 * request per batch of new ids (POST /api/sources/grades, contract/curation.ts) and kept: a source's
 * grade changes only through curation, after which `refreshGrades()` asks again for all of them.
 * Panels and the canvas read `sourceGrades.lookup` and listen with `onChange` to redraw.
 */
import { type Reliability, reliabilityOf } from '../../../contract/grades.ts';
import { sourceGradesResponse } from '../../../contract/curation.ts';
import { requestJson } from '../api.ts';
import type { ReliabilityLookup } from './gradeWords.ts';

/** The most ids one request takes (contract/curation.ts sourceGradesRequest). */
const MAX_IDS = 20_000;

export type GradeFetcher = (ids: string[]) => Promise<Record<string, Reliability>>;

/** The client's copy of source grades; see the file's comment. */
export class SourceGrades {
  private readonly grades = new Map<string, Reliability>();
  /** Ids asked for and not answered yet, so two redraws do not ask twice. */
  private readonly asking = new Set<string>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly fetchGrades: GradeFetcher) {}

  /** A source's reliability, or undefined while it has not been asked (shown as F meanwhile). */
  readonly lookup: ReliabilityLookup = (id) => this.grades.get(id);

  /** Calls `fn` whenever grades arrive or change; returns the function that stops it. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Asks for the grades of the ids not held yet (one request per 20,000), then tells the listeners if
   * any was new. A failed request is reported to the caller and asked again next time.
   */
  async ensure(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.grades.has(id) && !this.asking.has(id));
    if (missing.length === 0) return;
    await this.ask(missing);
  }

  /** Asks again for every grade held (after a curation write: a source may have been regraded or added). */
  async refresh(extra: Iterable<string> = []): Promise<void> {
    const ids = [...new Set([...this.grades.keys(), ...extra])];
    if (ids.length === 0) return;
    await this.ask(ids);
  }

  private async ask(ids: string[]): Promise<void> {
    for (const id of ids) this.asking.add(id);
    let changed = false;
    try {
      for (let i = 0; i < ids.length; i += MAX_IDS) {
        const batch = ids.slice(i, i + MAX_IDS);
        const answer = await this.fetchGrades(batch);
        for (const id of batch) {
          // An id the server does not name is not a graded source: F, "cannot be judged".
          const grade = reliabilityOf(answer[id]);
          if (this.grades.get(id) !== grade) changed = true;
          this.grades.set(id, grade);
        }
      }
    } finally {
      for (const id of ids) this.asking.delete(id);
    }
    if (changed) for (const fn of this.listeners) fn();
  }
}

/** The client's one copy, asking the server. */
export const sourceGrades = new SourceGrades(async (ids) => {
  const body = await requestJson('/api/sources/grades', sourceGradesResponse, { payload: { ids } });
  return body.grades;
});

/**
 * Asks the server again for every source grade the client shows (and for `sourceIds`, e.g. a source
 * just added): call after a curation write, so grades on the canvas and in the panels are current.
 */
export function refreshGrades(sourceIds: Iterable<string> = []): Promise<void> {
  return sourceGrades.refresh(sourceIds);
}
