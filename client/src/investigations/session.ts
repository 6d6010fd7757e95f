/**
 * The investigation open in this page, if any: which one (id, title, the `version` it was read at),
 * whether it is read-only (a shared link, or an old revision), and the moves that change it — open one
 * exactly as saved (graph/canvasSaved.ts `openSaved`: the snapshot at its saved places, no layout),
 * create one, take over a save's answer, leave it. The document a save sends is built here from the
 * view model (`toDocumentParts`) and the scene (`snapshotElements`).
 *
 * Autosave (autosave.ts), the sidebar, the browser history and the changes notice listen to its events:
 * `opening` before a canvas is replaced (changes made meanwhile are the opening's, not the analyst's),
 * `opened` after, `current` whenever the title, version or read-only state changes.
 */
import type {
  Investigation,
  InvestigationDocumentInput,
  InvestigationSummary,
  Revision,
} from '../../../contract/investigation.ts';
import type { InvestigationAccess, Share } from '../../../contract/auth.ts';
import { can } from '../auth/currentUser.ts';
import type { Canvas } from '../graph/canvas.ts';
import { type InvestigationsApi, investigationsApi } from '../investigationsApi.ts';
import { Emitter } from '../model/emitter.ts';

/**
 * What the page has open. `revision`: an old revision shown read-only (its number). `owner`, `access`
 * and `shares` as the server answered them for this user (contract/auth.ts investigationAccess):
 * `access` 'read' (or a viewer's role) opens it read-only.
 */
export interface Current {
  id: string;
  title: string;
  description: string;
  version: number;
  readOnly: boolean;
  revision: number | null;
  owner: string;
  access: InvestigationAccess['access'];
  shares: Share[];
}

/** Whether this user may only read `inv`: shared read-only, or a viewer (who writes nothing). */
export function onlyReadable(inv: Pick<InvestigationAccess, 'access'>): boolean {
  return inv.access === 'read' || !can('analyst');
}

/** How an opening came about: the analyst's own step (a history entry), or the page restoring one. */
export type OpenCause = 'analyst' | 'restore';

export interface SessionEvents {
  opening: undefined;
  opened: { current: Current | null; cause: OpenCause };
  current: Current | null;
}

/** The title an investigation gets when the analyst has not named it yet. */
export const UNTITLED = 'Untitled investigation';

export class InvestigationSession extends Emitter<SessionEvents> {
  private now: Current | null = null;
  /** Openings under way: changes to the model meanwhile are theirs. */
  private openings = 0;

  constructor(
    readonly canvas: Canvas,
    readonly api: InvestigationsApi = investigationsApi,
  ) {
    super();
  }

  get current(): Current | null {
    return this.now ? { ...this.now } : null;
  }

  /** True while an investigation (or revision) is being drawn: the model's changes are not the analyst's. */
  get opening(): boolean {
    return this.openings > 0;
  }

  /** The document a save sends: the title, the view model's parts and the elements as drawn. */
  documentNow(title = this.now?.title ?? UNTITLED): InvestigationDocumentInput {
    return {
      title,
      description: this.now?.description ?? '',
      ...this.canvas.model.toDocumentParts(),
      snapshot: this.canvas.snapshotElements(),
    };
  }

  /** Reads investigation `id` and opens it exactly as saved. Throws the API's error (404 when gone). */
  async open(id: string, options: { readOnly?: boolean; cause?: OpenCause } = {}): Promise<Investigation> {
    const found = await this.api.get(id);
    await this.show(found, (options.readOnly ?? false) || onlyReadable(found), options.cause ?? 'analyst');
    return found;
  }

  /** Opens an investigation already read (an import's or a restore's answer). */
  async show(inv: Investigation, readOnly: boolean, cause: OpenCause = 'analyst'): Promise<void> {
    await this.drawing(async () => {
      // Read-only first, so nothing the opening does is taken for an edit; off again before loading when editable.
      this.canvas.model.setReadOnly(false);
      await this.canvas.openSaved(inv.view, inv.snapshot, inv.annotations, inv.queries);
      this.canvas.model.setReadOnly(readOnly);
      this.set({
        id: inv.id,
        title: inv.title,
        description: inv.description,
        version: inv.version,
        readOnly: readOnly || onlyReadable(inv),
        revision: null,
        owner: inv.owner,
        access: inv.access,
        shares: inv.shares,
      });
    }, cause);
  }

  /** Shows revision `n` of the open investigation, read-only. */
  async showRevision(rev: Revision): Promise<void> {
    const id = this.now?.id;
    if (!id) return;
    await this.drawing(async () => {
      this.canvas.model.setReadOnly(false);
      await this.canvas.openSaved(rev.view, rev.snapshot, rev.annotations, rev.queries);
      this.canvas.model.setReadOnly(true);
      this.set({ ...this.now!, readOnly: true, revision: rev.n });
    }, 'analyst');
  }

  /**
   * A new investigation. With none open, it keeps the view drawn now (the analyst's work so far);
   * with one open, it starts empty and is opened. Throws the API's error.
   */
  async create(title = UNTITLED): Promise<Investigation> {
    if (!this.now) {
      const document = this.documentNow(title);
      let made: Investigation | null = null;
      await this.drawing(async () => {
        made = await this.api.create(document);
        this.adopt(made);
      }, 'analyst');
      return made!;
    }
    const made = await this.api.create({ title });
    await this.show(made, false);
    return made;
  }

  /**
   * Takes a save's (or a copy's) answer as what is open, without redrawing: the canvas already shows
   * it. Who owns it and the shares come from `saved` when it has them, else stay as they were.
   */
  adopt(
    saved: Pick<InvestigationSummary, 'id' | 'title' | 'description' | 'version'> &
      Partial<Pick<InvestigationSummary, 'owner' | 'access' | 'shares'>>,
  ): void {
    const before = this.now?.id === saved.id ? this.now : null;
    this.set({
      id: saved.id,
      title: saved.title,
      description: saved.description,
      version: saved.version,
      readOnly: false,
      revision: null,
      owner: saved.owner ?? before?.owner ?? '',
      access: saved.access ?? before?.access ?? 'owner',
      shares: saved.shares ?? before?.shares ?? [],
    });
  }

  /** The shares as stored after the owner changed them. */
  setShares(shares: Share[]): void {
    if (this.now) this.set({ ...this.now, shares });
  }

  /** A new title for the open investigation (autosave sends it); false when read-only or none is open. */
  rename(title: string): boolean {
    const clean = title.trim().slice(0, 200);
    if (!this.now || this.now.readOnly || !clean) return false;
    this.set({ ...this.now, title: clean });
    return true;
  }

  /** Leaves the open investigation (deleted, or history went back before it): the canvas stays as it is. */
  close(): void {
    if (!this.now) return;
    this.canvas.model.setReadOnly(false);
    this.set(null);
  }

  private async drawing(work: () => Promise<void>, cause: OpenCause): Promise<void> {
    this.openings++;
    this.emit('opening', undefined);
    try {
      await work();
    } finally {
      this.openings--;
    }
    this.emit('opened', { current: this.current, cause });
  }

  private set(next: Current | null): void {
    this.now = next;
    this.emit('current', this.current);
  }
}
