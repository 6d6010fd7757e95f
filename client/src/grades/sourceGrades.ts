/**
 * The reliability (A–F) of every source whose claims the client shows, asked of the server in one
 * request per batch of new ids (POST /api/sources/grades, contract/curation.ts) and kept: a source's
 * grade changes only through curation, after which `refreshGrades()` asks again for all of them.
 * The grades are those known on the view's "as known on" (`setKnownOn`; null for now): a source
 * regraded since shows the grade it had then, as its claims do. Panels and the canvas read
 * `sourceGrades.lookup` and listen with `onChange` to redraw.
 */
import { type Reliability, reliabilityOf } from '../../../contract/grades.ts';
import { sourceGradesResponse } from '../../../contract/curation.ts';
import { requestJson } from '../api.ts';
import type { ReliabilityLookup } from './gradeWords.ts';

/** The most ids one request takes (contract/curation.ts sourceGradesRequest). */
const MAX_IDS = 20_000;

/** The grades of `ids` as known on `knownOn` (null: now); an id left out is graded F. */
export type GradeFetcher = (ids: string[], knownOn: string | null) => Promise<Record<string, Reliability>>;

/** The client's copy of source grades; see the file's comment. */
export class SourceGrades {
  private readonly grades = new Map<string, Reliability>();
  /** Ids asked for and not answered yet, so two redraws do not ask twice. */
  private readonly asking = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private knownOn: string | null = null;

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

  /**
   * Grades as known on `knownOn` (a day or an instant, contract/knownTime.ts; null for now): every grade
   * held is asked for again as known then. Answers that arrive for an earlier day are dropped.
   */
  async setKnownOn(knownOn: string | null): Promise<void> {
    if (knownOn === this.knownOn) return;
    this.knownOn = knownOn;
    await this.refresh(this.asking);
  }

  /** Asks again for every grade held (after a curation write: a source may have been regraded or added). */
  async refresh(extra: Iterable<string> = []): Promise<void> {
    const ids = [...new Set([...this.grades.keys(), ...extra])];
    if (ids.length === 0) return;
    await this.ask(ids);
  }

  private async ask(ids: string[]): Promise<void> {
    for (const id of ids) this.asking.add(id);
    const knownOn = this.knownOn;
    let changed = false;
    try {
      for (let i = 0; i < ids.length; i += MAX_IDS) {
        const batch = ids.slice(i, i + MAX_IDS);
        const answer = await this.fetchGrades(batch, knownOn);
        // "As known on" moved while this was asked: the request made for the new day answers instead.
        if (knownOn !== this.knownOn) return;
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

const fetchGrades: GradeFetcher = async (ids, knownOn) => {
  const payload = knownOn === null ? { ids } : { ids, knownOn };
  const body = await requestJson('/api/sources/grades', sourceGradesResponse, { payload });
  return body.grades;
};

/** The grades of what the canvas draws and the panels show, as known on the view's "as known on". */
export const sourceGrades = new SourceGrades(fetchGrades);

/** The grades of the console's cells: ad-hoc Cypher reads the graph as it is now, so its grades are now's. */
export const sourceGradesNow = new SourceGrades(fetchGrades);

/**
 * Asks the server again for every source grade the client shows (and for `sourceIds`, e.g. a source
 * just added): call after a curation write, so grades on the canvas, in the panels and in the console
 * are current.
 */
export async function refreshGrades(sourceIds: Iterable<string> = []): Promise<void> {
  const ids = [...sourceIds];
  await Promise.all([sourceGrades.refresh(ids), sourceGradesNow.refresh(ids)]);
}
