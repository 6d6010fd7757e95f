/**
 * How the canvas looks: nodes by label and faction kind (colour, shape; size by degree), edges by
 * relationship type (colour, arrow, label). Labels are drawn by Cytoscape as canvas text, never HTML,
 * and fade out below a readable size when the analyst zooms out (min-zoomed-font-size).
 * Also exports the legend the filters panel shows, so colours are defined once.
 */
import type { StylesheetJson } from 'cytoscape';
import type { GraphLabel, RelationshipType } from '../../../contract/model.ts';

export const LABEL_COLOURS: Record<GraphLabel, string> = {
  Faction: '#2f6db5',
  Person: '#8e44ad',
  Event: '#d35400',
  Place: '#16a085',
};

export const KIND_COLOURS: Record<string, string> = {
  'armed group': '#2f6db5',
  'operations room': '#4aa3df',
  coalition: '#1b4f8a',
  umbrella: '#7fb3e6',
  'state forces': '#b03a2e',
  'foreign state': '#6c7a89',
};

const LABEL_SHAPES: Record<GraphLabel, string> = {
  Faction: 'ellipse',
  Person: 'round-diamond',
  Event: 'round-triangle',
  Place: 'round-rectangle',
};

export const TYPE_COLOURS: Record<RelationshipType, string> = {
  MEMBER_OF: '#2f6db5',
  MERGED_INTO: '#1e8449',
  LED_BY: '#8e44ad',
  FOUGHT: '#c0392b',
  PARTICIPATED_IN: '#d35400',
  SUPPORTED_BY: '#b7950b',
  BASED_IN: '#16a085',
  SAME_AS: '#7f8c8d',
};

/** Relationship types in the analyst's words, for edge labels and menus. */
export const TYPE_WORDS: Record<RelationshipType, string> = {
  MEMBER_OF: 'member of',
  MERGED_INTO: 'merged into',
  LED_BY: 'led by',
  FOUGHT: 'fought',
  PARTICIPATED_IN: 'took part in',
  SUPPORTED_BY: 'supported by',
  BASED_IN: 'based in',
  SAME_AS: 'same as',
};

const FONT = 'system-ui, "Noto Sans", "DejaVu Sans", sans-serif';

const GROUPINGS = new Set(['operations room', 'coalition', 'umbrella']);

/**
 * How a node looks, by label and faction kind. Written into each node's data by graph/scene.ts, so the
 * stylesheet reads it with data(...) instead of matching a selector per label and kind: on a view of
 * 25,000 elements that matching is most of the styling time.
 */
export function nodeLook(data: { label?: unknown; kind?: unknown }): { colour: string; shape: string } {
  const label = (typeof data.label === 'string' && data.label in LABEL_COLOURS ? data.label : 'Faction') as GraphLabel;
  const kind = typeof data.kind === 'string' ? data.kind : '';
  if (label !== 'Faction') return { colour: LABEL_COLOURS[label], shape: LABEL_SHAPES[label] };
  return {
    colour: KIND_COLOURS[kind] ?? LABEL_COLOURS.Faction,
    shape: GROUPINGS.has(kind) ? 'round-octagon' : 'ellipse',
  };
}

/** How a link looks, by relationship type. */
export function edgeLook(type: string): { colour: string; arrow: string; width: number } {
  return {
    colour: TYPE_COLOURS[type as RelationshipType] ?? '#7f8c8d',
    arrow: type === 'FOUGHT' ? 'tee' : 'triangle',
    width: type === 'MERGED_INTO' ? 3 : 1.6,
  };
}

/** Data fields that exist only for drawing; exports and the details panel leave them out. */
export const DRAWING_FIELDS = ['display', 'degree', 'colour', 'shape', 'arrow', 'width', 'bundle'] as const;

export function stylesheet(): StylesheetJson {
  // Cast because @types say shape and arrow cannot come from data(); Cytoscape.js allows it.
  const sheet: unknown[] = [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'font-family': FONT,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.7,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
        color: '#1c2833',
        width: 'mapData(degree, 0, 24, 22, 64)',
        height: 'mapData(degree, 0, 24, 22, 64)',
        'border-width': 1,
        'border-color': '#ffffff',
        'background-color': 'data(colour)',
        shape: 'data(shape)',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)',
        color: 'data(colour)',
        'curve-style': 'bezier',
        'target-arrow-shape': 'data(arrow)',
        'arrow-scale': 0.9,
        label: 'data(display)',
        'font-family': FONT,
        'font-size': 8,
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'text-wrap': 'wrap',
        'min-zoomed-font-size': 8,
        opacity: 0.9,
      },
    },
    // A link that ended at some point: dashed when the view is not pinned to a date.
    { selector: 'edge.ended', style: { 'line-style': 'dashed' } },
    // Parallel claims (graph/bundles.ts): one straight line, wider, one label listing every figure.
    { selector: 'edge.bundled', style: { 'curve-style': 'straight', width: 3.5 } },
    { selector: 'edge.bundle-lead', style: { 'z-index': 5, 'text-background-opacity': 1 } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': '#1c2833', 'border-style': 'double' } },
    { selector: 'node.seed', style: { 'font-weight': 'bold' } },
    { selector: 'edge:selected', style: { 'overlay-color': '#f1c40f', 'overlay-opacity': 0.45, 'overlay-padding': 5 } },
    {
      selector: 'node:selected',
      style: {
        'border-width': 5,
        'border-color': '#f1c40f',
        'underlay-color': '#f1c40f',
        'underlay-opacity': 0.35,
        'underlay-padding': 6,
      },
    },
    { selector: '.hovered', style: { 'z-index': 20 } },
    { selector: 'edge.hovered', style: { width: 3, opacity: 1 } },
    { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0 } },
    { selector: '.path-dim', style: { opacity: 0.12, 'text-opacity': 0.2 } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#f39c12' } },
    {
      selector: 'edge.on-path',
      style: { width: 5, 'line-color': '#f39c12', 'target-arrow-color': '#f39c12', opacity: 1, 'z-index': 30 },
    },
    { selector: 'node.lineage-root', style: { 'border-width': 4, 'border-color': '#1e8449' } },
    // Compare two dates (graph/compareLook.ts): Okabe–Ito colours, safe for colour-blind readers, and a
    // line or border style each, so the three never depend on colour alone.
    ...compareRules(),
    // Changed since an investigation's snapshot (graph/changeMarks.ts): dashed vermillion for gone, solid amber for edited.
    {
      selector: 'node.changed-removed',
      style: { 'border-width': 4, 'border-style': 'dashed', 'border-color': '#D55E00' },
    },
    { selector: 'edge.changed-removed', style: { 'line-style': 'dashed', 'line-color': '#D55E00', width: 3 } },
    { selector: 'node.changed-edited', style: { 'border-width': 4, 'border-color': '#E69F00' } },
    { selector: 'edge.changed-edited', style: { 'line-color': '#E69F00', width: 3 } },
    // Everything a filter, the analyst or the date hides; :visible counts exclude these.
    { selector: '.filtered, .user-hidden, .not-yet', style: { display: 'none' } },
  ];
  return sheet as StylesheetJson;
}

/**
 * How a comparison of two dates looks (panels/compareLegend.ts draws the same in its legend): added
 * blue and solid (thick), ended vermillion and dashed, held grey and thin; held on neither day faded.
 * Source: Okabe & Ito, "Color Universal Design" (2008), https://jfly.uni-koeln.de/color/.
 */
export const COMPARE_LOOK = {
  added: { colour: '#0072B2', line: 'solid', width: 4.5 },
  ended: { colour: '#D55E00', line: 'dashed', width: 3.5 },
  held: { colour: '#8c8c8c', line: 'solid', width: 1.5 },
} as const;

function compareRules(): unknown[] {
  const rules: unknown[] = [];
  for (const [change, look] of Object.entries(COMPARE_LOOK)) {
    rules.push({
      selector: `edge.cmp-${change}`,
      style: {
        'line-color': look.colour,
        'target-arrow-color': look.colour,
        'line-style': look.line,
        width: look.width,
        opacity: 1,
      },
    });
    if (change !== 'held')
      rules.push({
        selector: `node.cmp-${change}`,
        style: { 'border-width': 5, 'border-color': look.colour, 'border-style': look.line },
      });
  }
  rules.push({ selector: '.cmp-neither', style: { opacity: 0.12, 'text-opacity': 0 } });
  return rules;
}

/** Lighter settings for large views: no edge labels to draw, straight lines. */
export function largeViewStyle(): StylesheetJson {
  return [
    { selector: 'edge', style: { label: '', 'curve-style': 'straight', width: 1 } },
    { selector: 'node', style: { 'min-zoomed-font-size': 10, 'text-background-opacity': 0 } },
  ];
}
