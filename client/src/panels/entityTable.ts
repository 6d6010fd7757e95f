/**
 * The entity table beside the canvas, in two modes: "Drawn on the canvas" (the canvas's
 * drawnElements(), refreshed on its 'content' event, filtered and sorted here) and "All <label>" (the
 * server's list, GET /api/entities: name filter, year/date range, sorting, paging). Clicking a row (or
 * Enter on its name) selects the node when it is drawn, else adds it to the canvas.
 *
 * Canvas API used: drawnElements(), on('content'), on('selection'), select(id), addNode(id),
 * nodeData(id) — nothing else, so the canvas can change behind them.
 */
import { render } from 'lit';
import type { EntitySort } from '../../../contract/entities.ts';
import { isPartialDate } from '../../../contract/partialDate.ts';
import { firstDay, lastDay } from '../../../contract/validTime.ts';
import type { Api } from '../api.ts';
import type { Canvas } from '../graph/canvas.ts';
import { drawnRows, filterRows, sortRows } from './entityTableRows.ts';
import { tableTemplate, type TableActions, type TableMode, type TableView } from './entityTableView.ts';

export interface EntityTableControls {
  /** Draws again what changed while the panel was collapsed (panelLayout.ts calls it on opening). */
  refresh(): void;
}

const PAGE_SIZE = 50;
/** The name filter asks the server once typing pauses this long. */
const TYPING_PAUSE_MS = 250;

export function mountEntityTable(host: HTMLElement, canvas: Canvas, api: Api): EntityTableControls {
  const view: TableView = {
    mode: 'drawn',
    text: '',
    from: '',
    to: '',
    invalid: { from: false, to: false },
    sort: 'name',
    order: 'asc',
    offset: 0,
    pageSize: PAGE_SIZE,
    rows: [],
    total: 0,
    loading: false,
    error: null,
    selected: null,
    drawn: new Set(),
  };
  let request: AbortController | null = null;
  let typing: ReturnType<typeof setTimeout> | undefined;
  let stale = true;

  const visible = () => host.offsetParent !== null;

  function draw(): void {
    render(tableTemplate(view, actions), host);
  }

  /** The drawn mode's rows: the canvas's nodes, filtered, sorted and paged here. */
  function showDrawn(): void {
    const drawn = canvas.drawnElements();
    view.drawn = new Set(drawn.nodes.map((n) => n.id));
    const rows = sortRows(filterRows(drawnRows(drawn), view.text, null), view.sort, view.order);
    view.total = rows.length;
    if (view.offset >= rows.length) view.offset = Math.max(0, Math.floor((rows.length - 1) / PAGE_SIZE) * PAGE_SIZE);
    view.rows = rows.slice(view.offset, view.offset + PAGE_SIZE);
    view.loading = false;
    view.error = null;
    draw();
  }

  /** The all-of-a-label mode's rows: one page from the server; an earlier request still out is dropped. */
  async function fetchPage(label: Exclude<TableMode, 'drawn'>): Promise<void> {
    request?.abort();
    const mine = new AbortController();
    request = mine;
    view.loading = true;
    view.error = null;
    draw();
    try {
      const answer = await api.entities(
        {
          label,
          q: view.text.trim() || undefined,
          from: view.from ? firstDay(view.from) : undefined,
          to: view.to ? lastDay(view.to) : undefined,
          sort: view.sort,
          order: view.order,
          limit: PAGE_SIZE,
          offset: view.offset,
        },
        mine.signal,
      );
      if (request !== mine) return;
      view.rows = answer.rows;
      view.total = answer.total;
    } catch (err) {
      if (request !== mine || (err as { code?: string }).code === 'ABORTED') return;
      view.rows = [];
      view.total = 0;
      view.error = `The list could not be fetched: ${(err as Error).message}`;
    }
    view.loading = false;
    draw();
  }

  function reload(): void {
    stale = false;
    if (view.mode === 'drawn') showDrawn();
    else if (view.invalid.from || view.invalid.to) draw();
    else void fetchPage(view.mode);
  }

  const actions: TableActions = {
    setMode(mode) {
      view.mode = mode;
      view.offset = 0;
      view.rows = [];
      view.total = 0;
      if (mode === 'drawn') view.invalid = { from: false, to: false };
      else view.invalid = { from: !validDate(view.from), to: !validDate(view.to) };
      reload();
    },
    setText(text) {
      view.text = text;
      view.offset = 0;
      clearTimeout(typing);
      if (view.mode === 'drawn') reload();
      else typing = setTimeout(reload, TYPING_PAUSE_MS);
    },
    setDate(which, value) {
      view[which] = value.trim();
      view.invalid = { ...view.invalid, [which]: !validDate(view[which]) };
      view.offset = 0;
      reload();
    },
    sortBy(column: EntitySort) {
      if (view.sort === column) view.order = view.order === 'asc' ? 'desc' : 'asc';
      else {
        view.sort = column;
        // Most links first is what an analyst wants first; names and dates read upwards.
        view.order = column === 'links' ? 'desc' : 'asc';
      }
      view.offset = 0;
      reload();
    },
    page(step) {
      view.offset = Math.max(0, view.offset + step * PAGE_SIZE);
      reload();
    },
    choose(id) {
      view.selected = id;
      if (canvas.nodeData(id)) canvas.select(id);
      else void canvas.addNode(id);
      draw();
    },
  };

  canvas.on('content', () => {
    if (!visible()) {
      stale = true;
      return;
    }
    if (view.mode === 'drawn') showDrawn();
    else {
      // Only the marks of what is drawn change; the page stays as it is.
      view.drawn = new Set(canvas.drawnElements().nodes.map((n) => n.id));
      draw();
    }
  });
  canvas.on('selection', (selected) => {
    view.selected = selected?.kind === 'node' ? selected.data.id : null;
    if (visible()) draw();
  });

  draw();
  return {
    refresh() {
      if (stale) reload();
      else draw();
    },
  };
}

/** Empty (no bound) or a partial date: a year, a month or a day. */
function validDate(text: string): boolean {
  return text === '' || isPartialDate(text);
}
