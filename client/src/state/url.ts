/**
 * View state ⇄ URL query string, so a copied link reopens the same view. Short keys keep links short:
 *   n=<id>                       a node added by name (repeated)
 *   x=<id>*<depth>*<dir>*<types>*<limit>  an expanded neighbourhood (repeated; types "all" or A-B,
 *                                limit "all" once the analyst fetched everything)
 *   p=<from>*<to>*<maxLength>    shortest paths (repeated)
 *   lineage=<id>  asOf=YYYY-MM-DD  focus=<id>  layout=fcose|concentric|hierarchical|grid  page=<n>
 *   r=<id> removed, h=<id> hidden, pin=<id> pinned (repeated); hl=<Label>, ht=<TYPE> filtered out
 *   known=YYYY-MM-DD|instant     "as known on" (contract/knownTime.ts); rel=A..F, cred=1..6 the grade filter
 *   investigation=<uuid> [mode=read]   an investigation instead of a recipe (investigations/browserHistory.ts)
 * Anything unknown or malformed in a link is dropped, never trusted: labels and types are checked
 * against contract/model.ts and dates with contract/partialDate.ts.
 */
import { GRAPH_LABELS, RELATIONSHIP_TYPES, type GraphLabel, type RelationshipType } from '../../../contract/model.ts';
import { isFullDate } from '../../../contract/partialDate.ts';
import { credibilityOf, RELIABILITY, type Reliability } from '../../../contract/grades.ts';
import { knownOn as knownOnSchema } from '../../../contract/knownTime.ts';
import {
  DEFAULT_PAGE_SIZE,
  LAYOUTS,
  emptyViewState,
  type Direction,
  type Expansion,
  type LayoutName,
  type PathSpec,
  type ViewState,
} from './viewState.ts';

const SEP = '*';
/** Ids may contain the separator; escape it (and the escape character) inside one part. */
const part = (id: string) => id.replace(/[%*]/g, (c) => (c === '%' ? '%25' : '%2A'));
function unpart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function intIn(text: string | undefined, min: number, max: number): number | null {
  if (text === undefined || !/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

const isLabel = (s: string): s is GraphLabel => (GRAPH_LABELS as readonly string[]).includes(s);
const isType = (s: string): s is RelationshipType => (RELATIONSHIP_TYPES as readonly string[]).includes(s);
const isLayout = (s: string): s is LayoutName => (LAYOUTS as readonly string[]).includes(s);
const isDirection = (s: string): s is Direction => s === 'both' || s === 'out' || s === 'in';

function expansionToText(e: Expansion): string {
  const types = e.types && e.types.length > 0 ? e.types.join('-') : 'all';
  return [part(e.id), e.depth, e.direction, types, e.limit ?? 'all'].join(SEP);
}

function expansionFromText(text: string): Expansion | null {
  const [id, depthText, direction, typesText, limitText] = text.split(SEP);
  const depth = intIn(depthText, 1, 3);
  if (!id || depth === null || !direction || !isDirection(direction) || !typesText || !limitText) return null;
  let types: RelationshipType[] | null = null;
  if (typesText !== 'all') {
    const list = typesText.split('-');
    if (!list.every(isType)) return null;
    types = list as RelationshipType[];
  }
  const limit = limitText === 'all' ? null : intIn(limitText, 1, 1000);
  if (limit === null && limitText !== 'all') return null;
  return { id: unpart(id), depth, direction, types, limit };
}

function pathToText(p: PathSpec): string {
  return [part(p.from), part(p.to), p.maxLength].join(SEP);
}

function pathFromText(text: string): PathSpec | null {
  const [from, to, maxText] = text.split(SEP);
  const maxLength = intIn(maxText, 1, 6);
  if (!from || !to || maxLength === null) return null;
  return { from: unpart(from), to: unpart(to), maxLength };
}

export function viewStateToQuery(state: ViewState): string {
  const q = new URLSearchParams();
  for (const id of state.added) q.append('n', id);
  for (const e of state.expansions) q.append('x', expansionToText(e));
  for (const p of state.paths) q.append('p', pathToText(p));
  if (state.lineage) q.set('lineage', state.lineage);
  if (state.asOf) q.set('asOf', state.asOf);
  if (state.focus) q.set('focus', state.focus);
  if (state.layout !== 'fcose') q.set('layout', state.layout);
  if (state.pageSize !== DEFAULT_PAGE_SIZE) q.set('page', String(state.pageSize));
  for (const id of state.removed) q.append('r', id);
  for (const id of state.hidden) q.append('h', id);
  for (const id of state.pinned) q.append('pin', id);
  for (const l of state.hiddenLabels) q.append('hl', l);
  for (const t of state.hiddenTypes) q.append('ht', t);
  if (state.knownOn) q.set('known', state.knownOn);
  if (state.minReliability) q.set('rel', state.minReliability);
  if (state.minCredibility) q.set('cred', String(state.minCredibility));
  const text = q.toString();
  return text ? `?${text}` : '';
}

export function viewStateFromQuery(search: string): ViewState {
  const q = new URLSearchParams(search);
  const state = emptyViewState();
  const ids = (key: string) => [...new Set(q.getAll(key).filter((s) => s.length > 0 && s.length <= 200))];
  state.added = ids('n');
  state.expansions = q
    .getAll('x')
    .map(expansionFromText)
    .filter((e): e is Expansion => e !== null);
  state.paths = q
    .getAll('p')
    .map(pathFromText)
    .filter((p): p is PathSpec => p !== null);
  state.lineage = ids('lineage')[0] ?? null;
  const asOf = q.get('asOf');
  state.asOf = asOf && isFullDate(asOf) ? asOf : null;
  state.focus = ids('focus')[0] ?? null;
  const layout = q.get('layout');
  if (layout && isLayout(layout)) state.layout = layout;
  state.pageSize = intIn(q.get('page') ?? undefined, 1, 500) ?? DEFAULT_PAGE_SIZE;
  state.removed = ids('r');
  state.hidden = ids('h');
  state.pinned = ids('pin');
  state.hiddenLabels = [...new Set(q.getAll('hl').filter(isLabel))];
  state.hiddenTypes = [...new Set(q.getAll('ht').filter(isType))];
  const known = q.get('known');
  state.knownOn = known && knownOnSchema.safeParse(known).success ? known : null;
  const rel = q.get('rel');
  state.minReliability = rel && (RELIABILITY as readonly string[]).includes(rel) ? (rel as Reliability) : null;
  const cred = q.get('cred');
  state.minCredibility = cred && /^[1-6]$/.test(cred) ? credibilityOf(Number(cred)) : null;
  return state;
}

/** Keeps the address bar in step with the view without adding a history entry per change (the entry's state is kept). */
export function writeViewStateToUrl(state: ViewState): void {
  const query = viewStateToQuery(state);
  if (query !== window.location.search) {
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${query}${window.location.hash}`);
  }
}

/** An investigation's link: `?investigation=<uuid>`, `&mode=read` for the read-only (shared) view. */
export function investigationQuery(id: string, readOnly: boolean): string {
  return `?investigation=${encodeURIComponent(id)}${readOnly ? '&mode=read' : ''}`;
}

/** The investigation a link opens (its id must be a UUID, as the server's are), or null. */
export function investigationFromQuery(search: string): { id: string; readOnly: boolean } | null {
  const q = new URLSearchParams(search);
  const id = q.get('investigation');
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  return { id: id.toLowerCase(), readOnly: q.get('mode') === 'read' };
}

export function readViewStateFromUrl(): ViewState {
  return viewStateFromQuery(window.location.search);
}
