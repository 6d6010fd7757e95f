/**
 * The browser's Back and Forward walk the analyst's own steps, inside the app. Each meaningful step
 * pushes a history entry (history.pushState): a change of the recipe by a command (search, expand,
 * paths, filters, date, layout…), a note added or changed, a comparison, opening an investigation or a
 * revision. Moves, zoom, pan, the selection and the focus do not (they are saved, and the URL follows
 * the focus, but they are not steps). The first entry is the page itself (replaced on load, never
 * pushed), so Back from the first step stays in the app.
 *
 * An entry's state is `{ atlas: 1, page, step }`; this page keeps, per step, a signature of the model
 * (recipe without focus, comparison, notes, base) and the last picture it had. Going back or forward
 * inside one investigation walks the model's undo/redo until the signature matches (so undo keeps
 * working after), else reopens the kept picture exactly (graph/canvasSaved.ts openSaved). Going to
 * another investigation opens it (after saving what is unsaved). An entry from before a reload (another
 * `page`) is opened from its URL. The URL is `?investigation=<id>` (`&mode=read`) while one is open,
 * else the recipe (state/url.ts), as before.
 */
import type { Annotation, InvestigationView, QueryRun } from '../../../contract/investigation.ts';
import type { ElementLists } from '../model/modelTypes.ts';
import { investigationFromQuery, investigationQuery, viewStateFromQuery, viewStateToQuery } from '../state/url.ts';
import type { Autosave } from './autosave.ts';
import { showToast } from './dialogs.ts';
import type { InvestigationSession } from './session.ts';

interface Picture {
  view: InvestigationView;
  annotations: Annotation[];
  queries: QueryRun[];
  snapshot: ElementLists;
}

interface Entry {
  inv: string | null;
  readOnly: boolean;
  revision: number | null;
  sig: string;
  picture: Picture | null;
}

interface EntryState {
  atlas: 1;
  page: string;
  step: number;
}

/** How many undo or redo steps a Back or Forward may walk before reopening the kept picture instead. */
const SEEK_LIMIT = 80;
/** Entries keeping their picture (older ones are reopened from undo or the server only). */
const PICTURES_KEPT = 40;
const CAPTURE_DELAY_MS = 250;

export interface BrowserHistory {
  /** Runs the page's first opening (a link's investigation or recipe) and makes its entry the first step. */
  start(initial: () => Promise<void>): Promise<void>;
  /** The step shown now (0 = the page as loaded). */
  readonly step: number;
}

export function mountBrowserHistory(session: InvestigationSession, autosave: Autosave): BrowserHistory {
  const canvas = session.canvas;
  const model = canvas.model;
  const page = Math.random().toString(36).slice(2, 10);
  const entries: Entry[] = [];
  let cur = 0;
  /** Openings and walks under way: the changes they make are not new steps. */
  let quiet = 0;
  let queued = false;
  let captureTimer: ReturnType<typeof setTimeout> | undefined;

  const signature = () =>
    JSON.stringify({
      r: { ...model.recipe, focus: null },
      c: model.compare,
      n: model.annotations.map((a) => [a.id, a.text]),
      b: [...model.base.nodes.keys(), ...model.base.edges.keys()],
    });

  const url = () => {
    const current = session.current;
    const query = current ? investigationQuery(current.id, current.readOnly) : viewStateToQuery(model.recipe);
    return `${window.location.pathname}${query}${window.location.hash}`;
  };
  const here = () => `${window.location.pathname}${window.location.search}${window.location.hash}`;

  const entryNow = (): Entry => {
    const current = session.current;
    return {
      inv: current?.id ?? null,
      readOnly: current?.readOnly ?? false,
      revision: current?.revision ?? null,
      sig: signature(),
      picture: null,
    };
  };

  function replace(): void {
    const state: EntryState = { atlas: 1, page, step: cur };
    window.history.replaceState(state, '', url());
  }

  function push(): void {
    entries.length = cur + 1;
    entries.push(entryNow());
    cur = entries.length - 1;
    const old = entries[cur - PICTURES_KEPT];
    if (old) old.picture = null;
    const state: EntryState = { atlas: 1, page, step: cur };
    window.history.pushState(state, '', url());
  }

  function capture(): void {
    const entry = entries[cur];
    if (!entry || quiet > 0 || session.opening) return;
    entry.picture = { ...model.toDocumentParts(), snapshot: canvas.snapshotElements() };
  }

  function check(): void {
    const entry = entries[cur];
    if (!entry) return;
    if (quiet > 0 || session.opening) return void (url() !== here() && replace());
    if (signature() !== entry.sig) push();
    else if (url() !== here()) replace();
  }

  /**
   * A pan or zoom moves only the kept picture's viewport. Capturing the whole picture again (every
   * node's and link's data, every position) whenever the view paused cost a long task per pause on a
   * large view: 100,000 elements copied to record where the window is (npm run bench:client).
   */
  function keepViewport(): boolean {
    const picture = entries[cur]?.picture;
    if (!picture || quiet > 0 || session.opening) return false;
    picture.view = { ...picture.view, viewport: model.viewport };
    return true;
  }

  model.on('change', (kind) => {
    if (kind === 'viewport' && keepViewport()) return;
    if (kind === 'positions' || kind === 'viewport') {
      clearTimeout(captureTimer);
      captureTimer = setTimeout(capture, CAPTURE_DELAY_MS);
      return;
    }
    if (queued) return;
    queued = true;
    // A command changes several parts at once: one look after it, not one per part.
    queueMicrotask(() => {
      queued = false;
      check();
    });
  });
  canvas.on('content', () => setTimeout(capture, 0));

  session.on('opening', () => void quiet++);
  session.on('opened', ({ cause }) => {
    quiet--;
    if (quiet > 0 || entries.length === 0) return;
    if (cause === 'analyst') push();
    else {
      entries[cur] = entryNow();
      replace();
    }
    setTimeout(capture, 0);
  });
  // A rename, a save or a deletion changes what the URL says, never the step.
  session.on('current', () => {
    if (quiet === 0 && entries.length > 0 && url() !== here()) replace();
  });

  function seek(target: string, direction: 'undo' | 'redo'): boolean {
    for (let i = 0; i < SEEK_LIMIT && signature() !== target; i++) {
      if (!(direction === 'undo' ? model.undo() : model.redo())) break;
    }
    return signature() === target;
  }

  async function go(state: EntryState): Promise<void> {
    const target = state.page === page ? entries[state.step] : undefined;
    const current = session.current;
    if (autosave.pending && current && target?.inv !== current.id) await autosave.saveNow();
    if (!target) {
      // From before a reload: the URL says what it was.
      const link = investigationFromQuery(window.location.search);
      if (link) await session.open(link.id, { readOnly: link.readOnly, cause: 'restore' });
      else {
        session.close();
        await canvas.restore(viewStateFromQuery(window.location.search));
      }
      entries.length = 0;
      entries.push(entryNow());
      cur = 0;
      replace();
      return;
    }
    const sameOpen =
      target.inv === (current?.id ?? null) &&
      target.readOnly === (current?.readOnly ?? false) &&
      target.revision === (current?.revision ?? null);
    if (!sameOpen && target.inv) {
      if (target.revision !== null) await session.showRevision(await session.api.revision(target.inv, target.revision));
      else await session.open(target.inv, { readOnly: target.readOnly, cause: 'restore' });
    } else if (!sameOpen) session.close();
    if (signature() !== target.sig) {
      const reached = sameOpen && seek(target.sig, state.step < cur ? 'undo' : 'redo');
      if (!reached && target.picture) {
        const p = target.picture;
        await canvas.openSaved(p.view, p.snapshot, p.annotations, p.queries);
        if (target.readOnly) model.setReadOnly(true);
      }
    }
    cur = state.step;
    target.sig = signature();
  }

  // Back pressed twice before the first step is drawn: the steps are walked one after the other, and
  // only to the newest entry (two walks at once could reopen what the second one closed).
  let wanted: EntryState | null = null;
  let walking = false;
  async function walk(): Promise<void> {
    walking = true;
    quiet++;
    try {
      while (wanted) {
        const state = wanted;
        wanted = null;
        await go(state).catch((error) =>
          showToast(`Could not open that step: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
    } finally {
      quiet--;
      walking = false;
      setTimeout(capture, 0);
    }
  }
  window.addEventListener('popstate', (e) => {
    const state = e.state as EntryState | null;
    if (state?.atlas !== 1) return;
    wanted = state;
    if (!walking) void walk();
  });

  return {
    async start(initial) {
      quiet++;
      try {
        await initial();
      } finally {
        quiet--;
      }
      entries.length = 0;
      entries.push(entryNow());
      cur = 0;
      replace();
      setTimeout(capture, 0);
    },
    get step() {
      return cur;
    },
  };
}
