/**
 * Autosave of the open investigation: every change the view model announces ('change': the recipe,
 * places, viewport, selection, notes…) marks it unsaved; DELAY_MS after the last one it is saved
 * (PUT, with the `version` it was read or last saved at). Never two saves at once: changes made while
 * one is in flight are saved by one more save after it. While the scene is still fetching or laying
 * out, the save waits for it, so the snapshot is the picture the analyst sees.
 *
 * States (shown by bar.ts): `none` (nothing open), `saved`, `unsaved`, `saving`, `conflict` (409:
 * someone saved a newer version; nothing was written and autosave stops until the analyst chooses),
 * `offline` (the database or server is away; retried every RETRY_MS), `error` (refused otherwise; the
 * message is kept), `read-only` (a shared link or an old revision: never saved).
 */
import { ApiError, isUnavailable } from '../api.ts';
import { VersionConflictError } from '../investigationsApi.ts';
import { Emitter } from '../model/emitter.ts';
import type { InvestigationSession } from './session.ts';

export type SaveState = 'none' | 'saved' | 'unsaved' | 'saving' | 'conflict' | 'offline' | 'error' | 'read-only';

export interface AutosaveEvents {
  state: SaveState;
  conflict: VersionConflictError;
}

export interface AutosaveOptions {
  /** Quiet time after the last change before saving (ms). */
  delayMs?: number;
  /** Wait before trying again while the database is away (ms). */
  retryMs?: number;
  /** True while the scene is fetching or laying out (the save waits). */
  busy?: () => boolean;
}

const DELAY_MS = 1500;
const RETRY_MS = 5000;
const BUSY_WAIT_MS = 200;

export class Autosave extends Emitter<AutosaveEvents> {
  private now: SaveState = 'none';
  private dirty = false;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last refusal's words, for the `error` state. */
  problem = '';
  private readonly delayMs: number;
  private readonly retryMs: number;
  private readonly busy: () => boolean;

  constructor(
    private readonly session: InvestigationSession,
    options: AutosaveOptions = {},
  ) {
    super();
    this.delayMs = options.delayMs ?? DELAY_MS;
    this.retryMs = options.retryMs ?? RETRY_MS;
    this.busy = options.busy ?? (() => false);
    session.canvas.model.on('change', (kind) => {
      if (kind !== 'load') this.changed();
    });
    session.on('opened', ({ current }) => this.reset(current ? (current.readOnly ? 'read-only' : 'saved') : 'none'));
    session.on('current', (current) => {
      if (!current) this.reset('none');
      else if (current.readOnly) this.reset('read-only');
    });
  }

  get state(): SaveState {
    return this.now;
  }

  /** True when there are changes not yet saved (a save in flight counts as not yet). */
  get pending(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  /** Renames the open investigation and saves the new title. */
  rename(title: string): boolean {
    if (!this.session.rename(title)) return false;
    this.changed();
    return true;
  }

  /** Saves now (after any save in flight); resolves when nothing is left to save or it failed. */
  async saveNow(): Promise<void> {
    if (!this.editable()) return;
    this.dirty = true;
    clearTimeout(this.timer);
    await this.flush();
    while (this.inFlight) await this.inFlight;
  }

  /** Forgets local changes (the analyst chose Reload, or opened another investigation). */
  reset(state: SaveState): void {
    clearTimeout(this.timer);
    this.dirty = false;
    this.set(state);
  }

  private editable(): boolean {
    const current = this.session.current;
    return current !== null && !current.readOnly && !this.session.opening && this.now !== 'conflict';
  }

  private changed(): void {
    if (!this.editable()) return;
    this.dirty = true;
    if (this.now !== 'saving' && this.now !== 'offline') this.set('unsaved');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  private async flush(): Promise<void> {
    // The one in flight will call again when it ends: never two PUTs at once.
    if (this.inFlight || !this.dirty || !this.editable()) return;
    if (this.busy()) {
      this.timer = setTimeout(() => void this.flush(), BUSY_WAIT_MS);
      return;
    }
    this.inFlight = this.saveOnce();
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    if (this.dirty && (this.now === 'saving' || this.now === 'unsaved')) void this.flush();
  }

  private async saveOnce(): Promise<void> {
    const current = this.session.current!;
    const document = this.session.documentNow();
    this.dirty = false;
    this.set('saving');
    try {
      const saved = await this.session.api.save(current.id, { ...document, version: current.version });
      const still = this.session.current;
      // Another investigation opened meanwhile: this answer is not the page's any more.
      if (!still || still.id !== saved.id) return;
      this.session.adopt({ ...still, version: saved.version });
      this.set(this.dirty ? 'unsaved' : 'saved');
    } catch (error) {
      if (error instanceof VersionConflictError) {
        this.dirty = true;
        this.set('conflict');
        this.emit('conflict', error);
        return;
      }
      this.dirty = true;
      this.problem = error instanceof Error ? error.message : String(error);
      const away = error instanceof ApiError && isUnavailable(error);
      this.set(away ? 'offline' : 'error');
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        if (this.now === 'offline' || this.now === 'error') this.set('unsaved');
        void this.flush();
      }, this.retryMs);
    }
  }

  private set(state: SaveState): void {
    if (state === this.now) return;
    this.now = state;
    this.emit('state', state);
  }
}
