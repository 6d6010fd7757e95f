/**
 * Faction Atlas in the browser. What lives in client/:
 *   index.html, styles/*.css the page: search and toolbar on top (the database banner under them while
 *                            the database is away), filters/paths/lineage/export on the left, the
 *                            canvas in the middle, details on the right, time and status below
 *   src/api.ts               the one module that talks to the server (parsed with contract/ schemas)
 *   src/graph/canvas.ts      the one module that owns the Cytoscape.js instance; graph/* are its helpers
 *   src/panels/*.ts          the panels; they change the view only through the canvas's API
 *   src/state/               the view as a recipe (viewState.ts) and its form in the URL (url.ts)
 *   src/console/             the Cypher console at the foot of the page (consolePanel.ts) and its parts
 *   src/investigations/      saved investigations: sidebar, autosave, share, revisions, browser history (mount.ts)
 *   src/auth/, src/admin/    sign-in screen (gate.ts), user menu, and the admins' users and audit trail (issue 10)
 *   src/imports/             the Import data dialog: upload, import jobs' progress, resume, roll back (issue 11)
 *   src/curation/            adding, correcting and retracting facts: the forms, the match list (issue 12)
 *   src/grades/              Admiralty grades as shown ("B2", "F–"), the grade filter, the sources' grades held
 *   src/history/             each fact's history in the details panel, and "as known on" in words (issue 12)
 * This file wires them: panels to the canvas, the URL to the view, keys to actions.
 */
import { mountAdminPanel } from './admin/adminPanel.ts';
import { mountImportsPanel } from './imports/importsPanel.ts';
import { mountCuration } from './curation/mount.ts';
import { historySection } from './history/historySection.ts';
import { api } from './api.ts';
import { signedIn } from './auth/gate.ts';
import { mountUserMenu } from './auth/userMenu.ts';
import { Canvas } from './graph/canvas.ts';
import { mountInvestigations } from './investigations/mount.ts';
import { mountCompare } from './panels/compare.ts';
import { mountCompareLegend } from './panels/compareLegend.ts';
import { mountContextMenu } from './panels/contextMenu.ts';
import { mountDatabaseBanner } from './panels/databaseBanner.ts';
import { type DetailsPanel, mountDetails } from './panels/details.ts';
import { mountEntityTable } from './panels/entityTable.ts';
import { mountExport } from './panels/export.ts';
import { mountFilters } from './panels/filters.ts';
import { mountHelp, type Shortcut } from './panels/help.ts';
import { mountLineage } from './panels/lineage.ts';
import { mountNotes } from './panels/notes.ts';
import { detailsExtras } from './panels/notesDetails.ts';
import { mountPanelLayout } from './panels/panelLayout.ts';
import { mountPaths } from './panels/paths.ts';
import { mountSearch } from './panels/search.ts';
import { mountStatus } from './panels/status.ts';
import { mountConsole } from './console/consolePanel.ts';
import { mountTime } from './panels/time.ts';
import { mountToolbar } from './panels/toolbar.ts';
import type { LayoutName } from './state/viewState.ts';
import { html } from 'lit';
import './styles/layout.css';
import './styles/panels.css';
import './styles/console.css';
import './styles/tables.css';
import './styles/notesAndCompare.css';
import './styles/investigations.css';
import './styles/auth.css';
import './styles/imports.css';

function host(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The page has no #${id}`);
  return el;
}

// First, so a database or server that is away is said from the first request on.
mountDatabaseBanner(host('database-banner'), api);
// Nothing of the app is mounted before the page knows who it acts for (the sign-in screen until then).
await signedIn(host('sign-in'));
const canvas = new Canvas(host('canvas'), api);

const search = mountSearch(host('search'), canvas, api);
const paths = mountPaths(host('paths'), canvas);
const pathActions = { pathFrom: paths.setFrom, pathTo: paths.setTo };
const notesExtras = detailsExtras(canvas);
// After a write the details panel re-reads its selection (mounted below, so reached through `details`).
let details: DetailsPanel | null = null;
const curate = mountCuration(host('curation-add'), canvas, api, { afterWrite: () => details?.reread() });
// The details panel shows the selection's curation buttons (Edit, Correct, Retract) above its notes.
// Then the selection's history (who recorded, corrected or retracted what: history/historySection.ts).
const history = historySection(canvas);
const extras = {
  ...notesExtras,
  view: (on: Parameters<typeof notesExtras.view>[0]) =>
    html`${curate.detailsButtons(on)}${history.view(on)}${notesExtras.view(on)}`,
  setRedraw: (redraw: () => void) => {
    notesExtras.setRedraw(redraw);
    history.setRedraw(redraw);
  },
};
details = mountDetails(host('details'), canvas, api, pathActions, extras);
mountNotes(host('notes'), canvas);
mountFilters(host('filters'), canvas);
mountLineage(host('lineage'), canvas);
mountExport(host('export'), canvas);
const time = mountTime(host('time'), canvas);
mountCompare(host('compare'), canvas);
mountCompareLegend(host('compare-legend'), canvas);
mountStatus(host('status'), canvas);
const cypherConsole = mountConsole(host('console'), host('console-toggle'), canvas, api);
const menu = mountContextMenu(host('context-menu'), canvas, {
  ...pathActions,
  addNoteTo: extras.addNoteTo,
  showProvenanceOf: extras.showProvenanceOf,
  curate,
});
const entityTable = mountEntityTable(host('entity-table'), canvas, api);
mountPanelLayout({ onOpen: (panel) => panel === 'table' && entityTable.refresh() });

const layoutKey = (key: string, name: LayoutName): Shortcut => ({
  keys: [key],
  shown: key,
  does: `${name} layout`,
  run: () => void canvas.runLayout(name),
});

const shortcuts: Shortcut[] = [
  { keys: ['/'], shown: '/', does: 'Search', run: () => search.focus() },
  { keys: ['?'], shown: '?', does: 'This help', run: () => help.toggle() },
  { keys: ['e', 'enter'], shown: 'E or Enter', does: 'Expand the selected node', run: () => expandSelected() },
  {
    keys: ['shift+f10', 'contextmenu', 'm'],
    shown: 'M or Shift+F10',
    does: 'Menu for the selected node',
    run: () => menu.openForSelection(),
  },
  { keys: [']', 'n'], shown: '] or N', does: 'Select the next node', run: () => canvas.selectNext(1) },
  { keys: ['[', 'shift+n'], shown: '[', does: 'Select the previous node', run: () => canvas.selectNext(-1) },
  { keys: ['f'], shown: 'F', does: 'Fit everything on screen', run: () => canvas.fit() },
  { keys: ['c'], shown: 'C', does: 'Centre on the selection', run: () => canvas.centre() },
  { keys: ['+', '='], shown: '+', does: 'Zoom in', run: () => canvas.zoomBy(1.25) },
  { keys: ['-'], shown: '-', does: 'Zoom out', run: () => canvas.zoomBy(0.8) },
  { keys: ['h'], shown: 'H', does: 'Hide the selection', run: () => void canvas.hideSelection() },
  {
    keys: ['delete', 'backspace'],
    shown: 'Delete',
    does: 'Remove the selection',
    run: () => void canvas.removeSelection(),
  },
  { keys: ['p'], shown: 'P', does: 'Pin or unpin the selection', run: () => void canvas.togglePinSelection() },
  {
    keys: ['k'],
    shown: 'K',
    does: 'Keep only the neighbourhood of the selection',
    run: () => void canvas.keepOnlyNeighbourhood(),
  },
  { keys: ['l'], shown: 'L', does: 'Lineage of the selected faction', run: () => lineageOfSelected() },
  { keys: ['ctrl+z'], shown: 'Ctrl+Z', does: 'Undo', run: () => canvas.undo() },
  { keys: ['ctrl+shift+z', 'ctrl+y'], shown: 'Ctrl+Shift+Z', does: 'Redo', run: () => canvas.redo() },
  { keys: ['space'], shown: 'Space', does: 'Play or pause time', run: () => time.togglePlay() },
  { keys: [','], shown: ',', does: 'Back to the previous month end or dated fact', run: () => time.step(-1) },
  { keys: ['.'], shown: '.', does: 'On to the next month end or dated fact', run: () => time.step(1) },
  layoutKey('1', 'fcose'),
  layoutKey('2', 'concentric'),
  layoutKey('3', 'hierarchical'),
  layoutKey('4', 'grid'),
  {
    keys: ['`'],
    shown: '`',
    does: 'Open or close the Cypher console (Ctrl+Enter runs its query)',
    run: () => cypherConsole.toggle(),
  },
];
const help = mountHelp(host('help'), shortcuts);
mountToolbar(host('toolbar'), canvas, () => help.toggle());

function expandSelected(): void {
  for (const id of canvas.selectedNodeIds()) void canvas.expandNeighbourhood(id);
}

function lineageOfSelected(): void {
  const id = canvas.selectedNodeIds()[0];
  if (id && canvas.nodeData(id)?.label === 'Faction') void canvas.openLineage(id);
}

// Investigations (sidebar, autosave, share, history); the URL follows the view and a link reopens it.
const investigations = mountInvestigations(canvas, { sidebar: host('investigations'), bar: host('investigation-bar') });
const admin = mountAdminPanel(host('admin'));
const imports = mountImportsPanel(host('imports'));
mountUserMenu(host('user-menu'), {
  openAdmin: () => admin.open(),
  openImports: () => imports.open(),
  beforeSignOut: () => investigations.autosave.saveNow(),
});

// The hint on the empty canvas goes once there is something to see.
const hint = host('canvas-hint');
canvas.on('stats', (s) => (hint.hidden = s.nodes > 0));
