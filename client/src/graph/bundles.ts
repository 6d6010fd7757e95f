/**
 * Parallel claims on the canvas: where several links of one type join the same two nodes (the five
 * casualty figures for the killings of 14 February 2017, each from its own source), they are drawn as
 * one bundle, straight on top of one another, with ONE label that lists every figure and what the
 * figures count: "fought — 5 claims / 70 · 70 · 80+ · ≤160 · 197 (counted differently) / on 14 February
 * 2017". Each link stays its own element (selectable, highlightable on a path); the details panel
 * compares them in a table.
 * The grouping and the label are pure; bundleParallelEdges applies them to what the canvas shows.
 */
import type { Core, EdgeSingular } from 'cytoscape';
import type { EdgeData } from '../../../contract/api.ts';
import {
  type ClaimData,
  claimInterval,
  countedOf,
  edgeCaption,
  figureNoun,
  figureOf,
  shortFigure,
} from './claimWords.ts';
import { TYPE_WORDS } from './style.ts';
import { gradesText, gradeText, withGrade } from '../grades/gradeWords.ts';
import { sourceGrades } from '../grades/sourceGrades.ts';

/** What a link needs to be grouped with its parallels. */
export interface Linked {
  id: string;
  type: string;
  source: string;
  target: string;
}

/** The bundle a link belongs to: its type and its two ends, whichever way it points. */
export function bundleKey(e: Linked): string {
  const [a, b] = e.source < e.target ? [e.source, e.target] : [e.target, e.source];
  return JSON.stringify([e.type, a, b]);
}

/** Links grouped by bundle (type and pair of ends), in the order their bundles first appear. */
export function groupParallel<T extends Linked>(edges: Iterable<T>): T[][] {
  const groups = new Map<string, T[]>();
  for (const e of edges) {
    const key = bundleKey(e);
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  return [...groups.values()];
}

/** Claims in the order they are compared: by figure (smallest first, unfigured last), then by id. */
export function sortClaims<T extends Linked & ClaimData>(claims: readonly T[]): T[] {
  const figure = (c: T) => figureOf(c)?.figure ?? Number.POSITIVE_INFINITY;
  return [...claims].sort((a, b) => figure(a) - figure(b) || a.id.localeCompare(b.id));
}

/** The words for a relationship type ("fought"), or the type itself. */
export const typeWords = (type: string): string => TYPE_WORDS[type as keyof typeof TYPE_WORDS] ?? type;

/**
 * What a bundle's figures count, said once after them: the source's own words when every figured claim
 * counts the same thing ("Jaysh al-Nasr fighters captured"), "casualties" when none says, and
 * "(counted differently)" when they differ, so no figure is named for what it does not count;
 * the details panel's table says what each counts.
 */
export function bundleFigureNoun(claims: readonly ClaimData[]): string {
  const nouns = new Set(claims.filter((c) => figureOf(c)).map((c) => countedOf(c)?.toLocaleLowerCase() ?? null));
  if (nouns.size > 1) return '(counted differently)';
  const figured = claims.find((c) => figureOf(c));
  return figured ? figureNoun(figured) : 'casualties';
}

/**
 * The one label of a bundle: its type and number of claims, every figure with its bound and what they
 * count, and the interval when all claims share it ("fought — 2 claims\n70 · 80+ prisoners killed\n
 * on 14 February 2017"). A bundle of one is labelled like a single link.
 */
export function bundleCaption(claims: readonly (Linked & ClaimData)[]): string {
  const first = claims[0];
  if (!first) return '';
  const words = typeWords(first.type);
  if (claims.length === 1) return edgeCaption(words, first);
  const sorted = sortClaims(claims);
  const lines = [`${words} — ${claims.length} claims`];
  const figures = sorted.flatMap((c) => {
    const f = figureOf(c);
    return f ? [shortFigure(f.figure, f.bound)] : [];
  });
  if (figures.length > 0) lines.push(`${figures.join(' · ')} ${bundleFigureNoun(sorted)}`);
  const intervals = new Set(sorted.map(claimInterval));
  const only = intervals.size === 1 ? [...intervals][0] : null;
  if (only) lines.push(only);
  return lines.join('\n');
}

/** Classes that hide an element (graph/style.ts draws them display: none). */
const HIDING = ['filtered', 'user-hidden', 'not-yet'];
const hidden = (ele: { hasClass(c: string): boolean }) => HIDING.some((c) => ele.hasClass(c));

/**
 * Bundles the shown parallel links on the canvas: the members of a bundle are drawn straight (so
 * they lie on one line) and only the first carries the bundle's label; a link alone keeps its own
 * label. Hidden links (filters, the date, the analyst) take no part. Run after the display rules.
 */
export function bundleParallelEdges(cy: Core): void {
  const shown: (Linked & { ele: EdgeSingular })[] = [];
  cy.batch(() => {
    cy.edges().forEach((e) => {
      if (hidden(e) || hidden(e.source()) || hidden(e.target())) unbundle(e);
      else shown.push({ id: e.id(), type: e.data('type'), source: e.data('source'), target: e.data('target'), ele: e });
    });
    for (const group of groupParallel(shown)) {
      if (group.length === 1) {
        unbundle(group[0]!.ele);
        continue;
      }
      const claims = group.map((m) => ({ ...(m.ele.data() as EdgeData), ele: m.ele }));
      const caption = withGrade(bundleCaption(claims), gradesText(claims, sourceGrades.lookup));
      sortClaims(claims).forEach((member, i) => {
        setData(member.ele, 'display', i === 0 ? caption : '');
        setData(member.ele, 'bundle', group.length);
        member.ele.addClass('bundled');
        member.ele.toggleClass('bundle-lead', i === 0);
      });
    }
  });
}

function setData(e: EdgeSingular, key: string, value: unknown): void {
  if (e.data(key) !== value) e.data(key, value);
}

/** Gives a link that was in a bundle its own label back. */
function unbundle(e: EdgeSingular): void {
  if (!e.data('bundle')) return;
  const caption = edgeCaption(typeWords(e.data('type') as string), e.data() as ClaimData);
  e.data({ bundle: 0, display: withGrade(caption, gradeText(e.data() as EdgeData, sourceGrades.lookup)) });
  e.removeClass('bundled bundle-lead');
}
