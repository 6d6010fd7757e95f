/**
 * "How did this get here?" in words an analyst reads: one line per provenance step
 * (contract/investigation.ts `provenanceStep`), e.g. "Expanded the neighbourhood of Jaysh al-Nasr
 * (depth 1, all links), 30 Nov 2026 10:42". Pure, for panels/provenance.ts and its unit test.
 */
import type { ProvenanceStep } from '../../../contract/investigation.ts';
import type { RelationshipType } from '../../../contract/model.ts';
import { TYPE_WORDS } from '../graph/style.ts';

/** How a step's instant is said: "30 Nov 2026 10:42" in `timeZone` (default: the browser's). */
export function stepWhen(at: string, timeZone?: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')} ${part('hour')}:${part('minute')}`;
}

/** The first line of a query, cut to `max` characters with an ellipsis. */
export function firstLine(text: string, max = 100): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * What a step did, without when: "Searched 'nusra'", "Expanded the neighbourhood of X (depth 1, all
 * links)", "Shortest paths from A to B", "Lineage of X", "Console query: MATCH …", "Drawn from file
 * x.json", "Opened from a shared link". `nameOf` gives a node's name (its id when unknown).
 */
export function describeStep(step: ProvenanceStep, nameOf: (id: string) => string): string {
  switch (step.kind) {
    case 'search':
      // A node added from a list (the entity table, a source's card) carries its id as the "text".
      return step.text === step.node ? `Added ${nameOf(step.node)}` : `Searched '${step.text}'`;
    case 'expansion': {
      const e = step.expansion;
      const types =
        e.types && e.types.length > 0
          ? e.types.map((t) => TYPE_WORDS[t as RelationshipType] ?? t).join(', ')
          : 'all links';
      const direction = e.direction === 'out' ? ', outgoing' : e.direction === 'in' ? ', incoming' : '';
      return `Expanded the neighbourhood of ${nameOf(e.id)} (depth ${e.depth}, ${types}${direction})`;
    }
    case 'path':
      return `Shortest paths from ${nameOf(step.path.from)} to ${nameOf(step.path.to)}`;
    case 'lineage':
      return `Lineage of ${nameOf(step.node)}`;
    case 'query':
      return `Console query: ${firstLine(step.text)}`;
    case 'file':
      return `Drawn from file ${step.name}`;
    case 'link':
      return 'Opened from a shared link';
  }
}

/** One line: what the step did and when ("…, 30 Nov 2026 10:42"). */
export function stepLine(step: ProvenanceStep, nameOf: (id: string) => string, timeZone?: string): string {
  return `${describeStep(step, nameOf)}, ${stepWhen(step.at, timeZone)}`;
}

/** Whether the canvas can run the step again (graph/canvas.ts `replay`: a file cannot be). */
export const replayable = (step: ProvenanceStep): boolean => step.kind !== 'file';
