/** The timeline strip's events, for graph/canvas.ts: the dated events drawn, with their dates in words. */
import type { Core } from 'cytoscape';
import { dateInWords } from './claimWords.ts';

export interface TimelineEvent {
  id: string;
  name: string;
  /** The event's date as stated (a partial date), for placing it on the strip. */
  date: string;
  /** The date in words with its qualifier ("by 5 May 2016"), for its tooltip. */
  when: string;
}

/** Dated events among the drawn nodes, in time order. */
export function timelineEvents(cy: Core): TimelineEvent[] {
  return cy
    .nodes('[label = "Event"]')
    .filter((n) => typeof n.data('date') === 'string')
    .map((n) => ({
      id: n.id(),
      name: n.data('name') as string,
      date: n.data('date') as string,
      when: dateInWords(n.data() as Record<string, unknown>),
    }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}
