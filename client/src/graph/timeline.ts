/**
 * The timeline strip's events, for graph/canvas.ts: the dated events the view knows (drawn now or
 * fetched at another date), with their dates in words and their lifetimes.
 */
import { lifetimeOf, type ValidTime } from '../../../contract/validTime.ts';
import { dateInWords } from './claimWords.ts';

export interface TimelineEvent {
  id: string;
  name: string;
  /** The event's date as stated (a partial date), for placing it on the strip. */
  date: string;
  /** The date in words with its qualifier ("by 5 May 2016"), for its tooltip. */
  when: string;
  /** When it happened (contract/validTime.ts), to mark the events of the chosen day. */
  time: ValidTime;
}

/** Dated events among these nodes, in time order. */
export function timelineEvents(nodes: Iterable<Record<string, unknown>>): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (const n of nodes) {
    if (n.label !== 'Event' || typeof n.date !== 'string' || n.date.length === 0) continue;
    out.push({
      id: n.id as string,
      name: n.name as string,
      date: n.date,
      when: dateInWords(n),
      time: lifetimeOf(n),
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}
