/**
 * Room for the canvas: each side panel (the left panels, the entity table, details) folds to a narrow
 * strip by its toggle button, and the Cypher console's height follows a drag handle above it (or the
 * keyboard on the handle: Up/Down by 20 px, Page Up/Down by 100 px, Home/End to the least/most). Both
 * are remembered in localStorage. The page's grid (styles/layout.css) reads them as classes on <body>
 * (`collapsed-left`, `collapsed-table`, `collapsed-details`) and the `--console-height` custom property;
 * the canvas follows its container's new size (graph/keepInView.ts).
 *
 * The canvas keeps at least half the window's width whatever is open: when opening a panel (or
 * narrowing the window) leaves it less, the least recently opened other panel folds, then the next.
 * At 1024 px that means one panel beside the left one at most; at 1280 px any two.
 *
 * The markup is index.html's: `aside[data-panel]` each holding a `.panel-toggle` button and the
 * `.panel-body` it controls; `.console-handle[role=separator]` above `#console`.
 */

export type PanelName = 'left' | 'table' | 'details';

export interface LayoutOptions {
  /** Called when a panel is unfolded, so its content can draw what changed while it was folded. */
  onOpen?(panel: PanelName): void;
  /** Storage for the choices (default localStorage; unusable storage only means nothing is remembered). */
  storage?: Storage;
}

interface Remembered {
  collapsed: Partial<Record<PanelName, boolean>>;
  consoleHeight: number | null;
}

const STORAGE_KEY = 'faction-atlas.layout';
/** The entity table starts folded: the canvas keeps its width until an analyst asks for the list. */
const FOLDED_AT_FIRST: Record<PanelName, boolean> = { left: false, table: true, details: false };
/** Which panels fold first to make room, before any was opened here: the table, then the left one. */
const FOLD_ORDER_AT_FIRST: PanelName[] = ['table', 'left', 'details'];
/** The share of the window's width the canvas keeps. */
const CANVAS_SHARE = 0.5;
const CONSOLE_MIN_PX = 160;
/** Room the top bar, the time panel and some canvas keep whatever the console's height. */
const CONSOLE_SPARE_PX = 260;

export function mountPanelLayout(options: LayoutOptions = {}): void {
  const storage = options.storage ?? safeLocalStorage();
  const remembered = read(storage);
  const save = () => {
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(remembered));
    } catch {
      // Full or refused storage: the layout still works, it is just not remembered.
    }
  };

  /** Least recently opened first. */
  const opened: PanelName[] = [...FOLD_ORDER_AT_FIRST];
  const folders = new Map<PanelName, (folded: boolean) => void>();
  const isOpen = (name: PanelName) => !document.body.classList.contains(`collapsed-${name}`);
  const canvas = document.querySelector<HTMLElement>('.canvas-wrap');
  const makeRoom = (keep: PanelName | null) => {
    // Reading the width lays the page out again, so each fold is measured, not computed from the CSS.
    while (canvas && canvas.getBoundingClientRect().width < window.innerWidth * CANVAS_SHARE) {
      const oldest = opened.find((name) => name !== keep && isOpen(name) && folders.has(name));
      if (!oldest) return;
      remembered.collapsed[oldest] = true;
      folders.get(oldest)?.(true);
      save();
    }
  };

  for (const aside of document.querySelectorAll<HTMLElement>('aside[data-panel]')) {
    const name = aside.dataset.panel as PanelName;
    const toggle = aside.querySelector<HTMLButtonElement>('.panel-toggle');
    const body = aside.querySelector<HTMLElement>('.panel-body');
    if (!toggle || !body) continue;
    const full = toggle.textContent?.trim() ?? name;
    // A folded strip is 30 px wide and may be short (the console open): its upright name is a short one.
    const short = toggle.dataset.short ?? full;
    const title = aside.getAttribute('aria-label') ?? full;
    const apply = (folded: boolean) => {
      document.body.classList.toggle(`collapsed-${name}`, folded);
      body.hidden = folded;
      toggle.textContent = folded ? short : full;
      toggle.setAttribute('aria-expanded', String(!folded));
      toggle.title = folded ? `Show ${title}` : `Hide ${title}`;
    };
    folders.set(name, apply);
    apply(remembered.collapsed[name] ?? FOLDED_AT_FIRST[name]);
    toggle.addEventListener('click', () => {
      const folded = !body.hidden;
      remembered.collapsed[name] = folded;
      apply(folded);
      if (!folded) {
        opened.splice(opened.indexOf(name), 1);
        opened.push(name);
        makeRoom(name);
      }
      save();
      if (!folded) options.onOpen?.(name);
    });
  }
  const newest = () => [...opened].reverse().find(isOpen) ?? null;
  makeRoom(newest());
  window.addEventListener('resize', () => makeRoom(newest()));

  const handle = document.querySelector<HTMLElement>('.console-handle');
  if (handle) resizeConsole(handle, remembered, save);
}

function resizeConsole(handle: HTMLElement, remembered: Remembered, save: () => void): void {
  const root = document.documentElement;
  const panel = () => document.querySelector<HTMLElement>('#console .console');
  const most = () => Math.max(CONSOLE_MIN_PX, window.innerHeight - CONSOLE_SPARE_PX);
  const current = () => panel()?.getBoundingClientRect().height || remembered.consoleHeight || CONSOLE_MIN_PX;

  const setHeight = (px: number, keep: boolean) => {
    const height = Math.round(Math.min(most(), Math.max(CONSOLE_MIN_PX, px)));
    root.style.setProperty('--console-height', `${height}px`);
    handle.setAttribute('aria-valuenow', String(height));
    handle.setAttribute('aria-valuetext', `${height} pixels`);
    remembered.consoleHeight = height;
    if (keep) save();
  };
  const describe = () => {
    handle.setAttribute('aria-valuemin', String(CONSOLE_MIN_PX));
    handle.setAttribute('aria-valuemax', String(most()));
    const height = Math.round(current());
    handle.setAttribute('aria-valuenow', String(height));
    handle.setAttribute('aria-valuetext', `${height} pixels`);
  };
  if (remembered.consoleHeight !== null) setHeight(remembered.consoleHeight, false);
  describe();
  window.addEventListener('resize', describe);
  // The console's height is known only once it is open; the handle is reachable only then.
  handle.addEventListener('focus', describe);

  // Dragging up makes the console taller: it sits at the foot of the page.
  handle.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    e.preventDefault();
    handle.setPointerCapture(e.pointerId);
    const startY = e.clientY;
    const startHeight = current();
    handle.classList.add('dragging');
    const move = (m: PointerEvent) => setHeight(startHeight + (startY - m.clientY), false);
    const end = () => {
      handle.classList.remove('dragging');
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
      save();
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  });

  const steps: Record<string, (h: number) => number> = {
    ArrowUp: (h) => h + 20,
    ArrowDown: (h) => h - 20,
    PageUp: (h) => h + 100,
    PageDown: (h) => h - 100,
    Home: () => CONSOLE_MIN_PX,
    End: () => most(),
  };
  handle.addEventListener('keydown', (e) => {
    const step = steps[e.key];
    if (!step || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    // The page's own shortcuts (help.ts) listen on the document: these keys are the handle's.
    e.stopPropagation();
    setHeight(step(current()), true);
  });
}

function read(storage: Storage | null): Remembered {
  try {
    const value = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as Partial<Remembered> | null;
    const collapsed: Remembered['collapsed'] = {};
    for (const name of ['left', 'table', 'details'] as const) {
      const v = value?.collapsed?.[name];
      if (typeof v === 'boolean') collapsed[name] = v;
    }
    const h = value?.consoleHeight;
    return { collapsed, consoleHeight: typeof h === 'number' && Number.isFinite(h) ? h : null };
  } catch {
    return { collapsed: {}, consoleHeight: null };
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
