/**
 * The network's skeleton, planned before a byte is written: how many of each kind of node, when each
 * faction lives and dies, which factions merge into which (and which split off again), when each event
 * happens, and the order nodes join the growing network. All of it in typed arrays, a few bytes per
 * node, so a plan of a million relationships costs a few megabytes.
 *
 * Nodes are numbered in one space: factions [0, F), persons [F, F+P), events [F+P, F+P+E), places
 * [F+P+E, V). Faction 0 (state forces), faction 1 (the umbrella coalition), event 0 (the war itself)
 * and place 0 live the whole calendar: the network grows from them, and they take the links no one
 * else alive at the time can.
 */
import { FACTION_KINDS } from '../../contract/model.ts';
import type { Random } from './random.ts';
import { LAST_MONTH, MONTHS } from './timeline.ts';

/** Fewest relationships a network is generated with: below it the four roots and their links dominate. */
export const MIN_RELATIONSHIPS = 50;

/** The four kinds of graph node, as indexes into Plan.firstOf. */
export const FACTION = 0;
export const PERSON = 1;
export const EVENT = 2;
export const PLACE = 3;

/** Faction kinds, as codes into contract/model.ts FACTION_KINDS order. */
export const FACTION_KIND_NAMES = FACTION_KINDS;
export const ARMED_GROUP = 0;
const OPERATIONS_ROOM = 1;
const COALITION = 2;
const UMBRELLA = 3;
export const STATE_FORCES = 4;
export const FOREIGN_STATE = 5;

/** How a date is stated: not at all, as a year, a month, or a day. */
export const Precision = { None: 0, Year: 1, Month: 2, Day: 3 } as const;

export interface Counts {
  factions: number;
  persons: number;
  events: number;
  places: number;
  sources: number;
}

/** Node counts for `relationships` relationships: the proportions of a conflict database (≈2.8 links a node). */
export function countsFor(relationships: number): Counts {
  return {
    factions: Math.max(8, Math.round(relationships * 0.2)),
    persons: Math.max(3, Math.round(relationships * 0.05)),
    events: Math.max(3, Math.round(relationships * 0.1)),
    places: Math.max(3, Math.round(relationships * 0.005)),
    sources: Math.max(4, Math.round(relationships * 0.03)),
  };
}

export interface Plan {
  relationships: number;
  counts: Counts;
  /** Graph nodes (everything but sources). */
  nodes: number;
  /** First node number of each kind, and one past the last. */
  firstOf: readonly [number, number, number, number, number];
  /** Months each node exists (persons and places: the whole calendar). */
  start: Int16Array;
  end: Int16Array;
  /** Per faction: kind code (FACTION_KIND_NAMES), how founded/dissolved are stated, and their qualifiers (0 none, 1 by, 2 after). */
  factionKind: Uint8Array;
  foundedAs: Uint8Array;
  foundedQualifier: Uint8Array;
  dissolvedAs: Uint8Array;
  dissolvedQualifier: Uint8Array;
  /** Per faction: the faction it merged into (-1: none), in which month, and the month it split off again (-1: never). */
  mergedInto: Int32Array;
  mergedAt: Int16Array;
  splitAt: Int16Array;
  /** Per event: how its date is stated, its day (1–28) when it is, and whether it spans months (endDate). */
  eventAs: Uint8Array;
  eventDay: Uint8Array;
  /** The order nodes join the network: each one links to some node before it. */
  order: Int32Array;
}

/** The plan of a network of `relationships` relationships from the structure stream `random`. */
export function planNetwork(relationships: number, random: Random): Plan {
  if (!Number.isSafeInteger(relationships) || relationships < MIN_RELATIONSHIPS) {
    throw new RangeError(`relationships must be an integer ≥ ${MIN_RELATIONSHIPS} (got ${relationships})`);
  }
  const counts = countsFor(relationships);
  const { factions: F, persons: P, events: E, places: L } = counts;
  const V = F + P + E + L;
  const firstOf = [0, F, F + P, F + P + E, V] as const;
  const plan: Plan = {
    relationships,
    counts,
    nodes: V,
    firstOf,
    start: new Int16Array(V),
    end: new Int16Array(V).fill(LAST_MONTH),
    factionKind: new Uint8Array(F),
    foundedAs: new Uint8Array(F),
    foundedQualifier: new Uint8Array(F),
    dissolvedAs: new Uint8Array(F),
    dissolvedQualifier: new Uint8Array(F),
    mergedInto: new Int32Array(F).fill(-1),
    mergedAt: new Int16Array(F).fill(-1),
    splitAt: new Int16Array(F).fill(-1),
    eventAs: new Uint8Array(E),
    eventDay: new Uint8Array(E),
    order: creationOrder([F, P, E, L], firstOf, random),
  };
  const rank = new Float64Array(V);
  plan.order.forEach((node, position) => {
    rank[node] = position / V;
  });
  planFactions(plan, rank, random);
  planEvents(plan, rank, random);
  return plan;
}

/**
 * The four roots first, then every other node in a random interleaving of the kinds (each next node's
 * kind drawn in proportion to how many of that kind are left), each kind in its own number order.
 */
function creationOrder(sizes: number[], firstOf: readonly number[], random: Random): Int32Array {
  const total = sizes.reduce((a, b) => a + b, 0);
  const order = new Int32Array(total);
  const next = firstOf.slice(0, 4).map((first) => first + 1);
  const left = sizes.map((size) => size - 1);
  let position = 0;
  for (let kind = 0; kind < 4; kind++) order[position++] = firstOf[kind]!;
  let remaining = total - 4;
  while (remaining > 0) {
    let draw = random.int(0, remaining - 1);
    let kind = 0;
    while (draw >= left[kind]!) draw -= left[kind++]!;
    order[position++] = next[kind]!++;
    left[kind]!--;
    remaining--;
  }
  return order;
}

function planFactions(plan: Plan, rank: Float64Array, random: Random): void {
  const F = plan.counts.factions;
  const earlyCoalitions = 2 + Math.max(3, Math.round(F / 500));
  const merging: number[] = [];
  for (let f = 0; f < F; f++) {
    const root = f < 2;
    const kindDraw = random.float();
    let kind = ARMED_GROUP;
    if (f === 0) kind = STATE_FORCES;
    else if (f === 1) kind = UMBRELLA;
    // The first coalitions form with the first groups, so no one coalition is alone long enough to take all.
    else if (f < earlyCoalitions) kind = kindDraw < 0.5 ? OPERATIONS_ROOM : COALITION;
    else if (kindDraw < 0.002) kind = FOREIGN_STATE;
    else if (kindDraw < 0.004) kind = STATE_FORCES;
    else if (kindDraw < 0.024) kind = COALITION;
    else if (kindDraw < 0.044) kind = OPERATIONS_ROOM;
    else if (kindDraw < 0.054) kind = UMBRELLA;
    plan.factionKind[f] = kind;
    const perpetual = root || kind === FOREIGN_STATE || kind === STATE_FORCES;
    // Founded as it joins the network, give or take a year: older factions have had longer to gather links.
    const founded = perpetual ? 0 : Math.min(LAST_MONTH - 2, Math.floor(rank[f]! * (MONTHS - 18)) + random.int(0, 12));
    plan.start[f] = founded;
    const stated = random.float();
    plan.foundedAs[f] = perpetual || stated < 0.1 ? Precision.None : stated < 0.4 ? Precision.Year : Precision.Month;
    if (plan.foundedAs[f] !== Precision.None && random.chance(0.08)) plan.foundedQualifier[f] = 1; // "by"
    if (!perpetual && founded + 6 < LAST_MONTH && random.chance(0.35)) {
      plan.end[f] = random.int(founded + 6, LAST_MONTH);
      plan.dissolvedAs[f] = random.chance(0.7) ? Precision.Month : Precision.Year;
      if (random.chance(0.05)) plan.dissolvedQualifier[f] = 2; // "after"
    }
    if (!perpetual && kind === ARMED_GROUP && f > 2) planMerger(plan, f, merging, random);
  }
}

/**
 * One faction in sixteen merges into an older faction (not a root) alive at the time, which may itself merge later
 * (lineages of several generations); one merger in five is undone (it split off again, MERGED_INTO
 * with an end), the others end the faction's life at the merger.
 */
function planMerger(plan: Plan, f: number, merging: number[], random: Random): void {
  if (!random.chance(1 / 16)) return;
  const from = plan.start[f]! + 3;
  const until = plan.end[f]!;
  if (from > until) return;
  const month = random.int(from, until);
  let into = -1;
  for (let attempt = 0; attempt < 10 && into < 0; attempt++) {
    // Older factions absorb the younger; the two roots stand apart (state forces, the umbrella). Some
    // join a faction that itself merges later on: lineages of several generations.
    const candidate =
      attempt < 3 && merging.length && random.chance(0.5) ? random.pick(merging) : 2 + random.skewed(f - 2, 2);
    if (plan.start[candidate]! <= month && month <= plan.end[candidate]!) into = candidate;
  }
  if (into < 0) return;
  plan.mergedInto[f] = into;
  plan.mergedAt[f] = month;
  const lastTogether = Math.min(until, plan.end[into]!);
  if (month < lastTogether && random.chance(0.2)) {
    plan.splitAt[f] = random.int(month + 1, lastTogether);
  } else {
    plan.end[f] = month;
    plan.dissolvedAs[f] = Precision.Month;
    plan.dissolvedQualifier[f] = 0;
    merging.push(f);
  }
}

function planEvents(plan: Plan, rank: Float64Array, random: Random): void {
  const [, , firstEvent] = plan.firstOf;
  for (let e = 0; e < plan.counts.events; e++) {
    const node = firstEvent + e;
    if (e === 0) {
      // The war: March 2011 to December 2024, stated as a span of months.
      plan.start[node] = 2;
      plan.eventAs[e] = Precision.Month;
      continue;
    }
    const month = Math.min(LAST_MONTH, Math.floor(rank[node]! * MONTHS) + random.int(-6, 6));
    const at = Math.max(0, month);
    const stated = random.float();
    if (stated < 0.06) {
      // A campaign or offensive over several months (date and endDate).
      plan.eventAs[e] = Precision.Month;
      plan.start[node] = at;
      plan.end[node] = Math.min(LAST_MONTH, at + random.int(1, 18));
    } else if (stated < 0.14) {
      plan.eventAs[e] = Precision.Year;
      plan.start[node] = at - (at % 12);
      plan.end[node] = at - (at % 12) + 11;
    } else {
      plan.eventAs[e] = stated < 0.45 ? Precision.Month : Precision.Day;
      plan.eventDay[e] = plan.eventAs[e] === Precision.Day ? random.int(1, 28) : 0;
      plan.start[node] = at;
      plan.end[node] = at;
    }
  }
}
