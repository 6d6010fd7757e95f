/**
 * The relationships of a planned network (plan.ts), grown the way such a network grows: nodes join in
 * their planned order, each with one link to a node already there (so the whole graph is one
 * component), and between joins the network gains links among the nodes present, the targets drawn by
 * preferential attachment (pool.ts). Every link lies within the lifetimes of both its ends, in months;
 * a target that cannot be found alive at the time falls back to a root alive throughout.
 *
 * Structure only: which type, which ends, which dates, how many parallel claims. The words of each link
 * are the writer's (relationships.ts). Links are handed out one at a time to `emit`, in file order.
 */
import type { RelationshipType } from '../../contract/model.ts';
import {
  ARMED_GROUP,
  EVENT,
  FACTION,
  FOREIGN_STATE,
  PERSON,
  PLACE,
  type Plan,
  Precision,
  STATE_FORCES,
} from './plan.ts';
import { Pool } from './pool.ts';
import type { Random } from './random.ts';
import { dayText, monthText, overlap, type Span } from './timeline.ts';

/** One link as the structure decides it; `claim` numbers the parallel claims of one battle (0: the only or first). */
export interface Link {
  type: RelationshipType;
  source: number;
  target: number;
  from: string;
  to: string | undefined;
  /** The month the link starts, for choosing sources that report it. */
  month: number;
  claim: number;
  /** How many parallel claims the link's battle has (1: a single statement). */
  claims: number;
}

/** The kinds of extra link, with their shares of the links beyond each node's first. */
const EXTRA_MIX: ReadonlyArray<readonly [string, number]> = [
  ['member', 0.24],
  ['personMember', 0.07],
  ['led', 0.07],
  ['foughtFaction', 0.17],
  ['battle', 0.16],
  ['participated', 0.1],
  ['personEvent', 0.08],
  ['supported', 0.06],
  ['based', 0.05],
];

const isCoalitionKind = (kind: number) => kind >= 1 && kind <= 3;
const isBackerKind = (kind: number) => kind === FOREIGN_STATE || kind === STATE_FORCES;

export class Grower {
  private readonly factions = new Pool();
  private readonly coalitions = new Pool();
  private readonly backers = new Pool();
  private readonly persons = new Pool();
  private readonly events = new Pool();
  private readonly places = new Pool();
  /** How many nodes of each kind have joined (each kind joins in number order). */
  private readonly joined = [0, 0, 0, 0];
  private emitted = 0;

  constructor(
    private readonly plan: Plan,
    private readonly random: Random,
    private readonly emit: (link: Link) => void,
  ) {}

  /** Grows the whole network; returns the number of links emitted (always plan.relationships). */
  grow(): number {
    const { plan } = this;
    const extras = plan.relationships - (plan.nodes - 1);
    let extrasDone = 0;
    for (let position = 0; position < plan.nodes; position++) {
      const node = plan.order[position]!;
      this.join(node);
      if (position > 0) this.firstLink(node);
      const due = Math.floor((extras * (position + 1)) / plan.nodes) - extrasDone;
      for (let made = 0; made < due; ) made += this.extraLink(due - made);
      extrasDone += due;
    }
    return this.emitted;
  }

  private kindOf(node: number): number {
    const { firstOf } = this.plan;
    return node < firstOf[1] ? FACTION : node < firstOf[2] ? PERSON : node < firstOf[3] ? EVENT : PLACE;
  }

  private span(node: number): Span {
    return { from: this.plan.start[node]!, to: this.plan.end[node]! };
  }

  /** Whether a node's end is stated (a dissolved faction, any dated event): a link to it must end too. */
  private ends(node: number): boolean {
    const { plan } = this;
    const kind = this.kindOf(node);
    if (kind === EVENT) return true;
    return kind === FACTION && plan.dissolvedAs[node] !== Precision.None && plan.dissolvedQualifier[node] !== 2;
  }

  private join(node: number): void {
    this.joined[this.kindOf(node)]!++;
    this.ticket(node, true);
  }

  /** A ticket in every pool the node belongs to; `joining`: it enters them. */
  private ticket(node: number, joining = false): void {
    const add = (pool: Pool) => (joining ? pool.join(node) : pool.add(node));
    switch (this.kindOf(node)) {
      case FACTION: {
        add(this.factions);
        const kind = this.plan.factionKind[node]!;
        if (node === 1 || isCoalitionKind(kind)) add(this.coalitions);
        if (isBackerKind(kind)) add(this.backers);
        break;
      }
      case PERSON:
        add(this.persons);
        break;
      case EVENT:
        add(this.events);
        break;
      default:
        add(this.places);
    }
  }

  /** A node of `kind` that has joined, uniformly. */
  private anyJoined(kind: number): number {
    const first = this.plan.firstOf[kind]!;
    return first + this.random.int(0, this.joined[kind]! - 1);
  }

  /** A faction from `pool` alive some month of `node`'s life and not `node`; else a root. */
  private factionFor(pool: Pool, node: number, root: number): number {
    const life = this.span(node);
    const fallback = root !== node ? root : root === 0 ? 1 : 0;
    return pool.draw(this.random, (f) => f !== node && overlap(life, this.span(f)) !== null, fallback);
  }

  private firstLink(node: number): number {
    const { plan, random } = this;
    switch (this.kindOf(node)) {
      case FACTION: {
        if (node === 1) return this.link('FOUGHT', 1, 0);
        if (plan.mergedInto[node]! >= 0) return this.merger(node);
        const kind = plan.factionKind[node]!;
        const draw = random.float();
        if (kind === FOREIGN_STATE) return this.link('SUPPORTED_BY', this.factionFor(this.factions, node, 0), node);
        if (isCoalitionKind(kind) && draw < 0.5) {
          return this.link('MEMBER_OF', node, this.factionFor(this.coalitions, node, 1));
        }
        const armed = kind === ARMED_GROUP;
        if (armed && draw < 0.55) return this.link('MEMBER_OF', node, this.factionFor(this.coalitions, node, 1));
        if (armed && draw < 0.65) return this.link('SUPPORTED_BY', node, this.factionFor(this.backers, node, 0));
        if (armed && draw < 0.7)
          return this.link(
            'BASED_IN',
            node,
            this.places.draw(random, () => true, plan.firstOf[PLACE]),
          );
        return this.link('FOUGHT', node, this.factionFor(this.factions, node, 0));
      }
      case PERSON: {
        const faction = this.factions.draw(random, () => true, 0);
        return random.chance(0.5) ? this.link('LED_BY', faction, node) : this.link('MEMBER_OF', node, faction);
      }
      case EVENT:
        return this.link(
          random.chance(0.6) ? 'FOUGHT' : 'PARTICIPATED_IN',
          this.factionFor(this.factions, node, 0),
          node,
        );
      default:
        return this.link(
          'BASED_IN',
          this.factions.draw(random, () => true, 0),
          node,
        );
    }
  }

  /** One extra link (or a battle's parallel claims, at most `room` of them); returns how many were emitted. */
  private extraLink(room: number): number {
    const { random } = this;
    let draw = random.float();
    let kind = EXTRA_MIX[0]![0];
    for (const [name, share] of EXTRA_MIX) {
      kind = name;
      draw -= share;
      if (draw < 0) break;
    }
    switch (kind) {
      case 'member': {
        const faction = this.anyJoined(FACTION);
        return this.link('MEMBER_OF', faction, this.factionFor(this.coalitions, faction, 1));
      }
      case 'personMember':
        return this.link(
          'MEMBER_OF',
          this.anyJoined(PERSON),
          this.factions.draw(random, () => true, 0),
        );
      case 'led':
        return this.link(
          'LED_BY',
          this.anyJoined(FACTION),
          this.persons.draw(random, () => true, this.plan.firstOf[1]),
        );
      case 'foughtFaction': {
        const faction = this.anyJoined(FACTION);
        return this.link('FOUGHT', faction, this.factionFor(this.factions, faction, 0));
      }
      case 'battle': {
        const event = this.events.draw(random, () => true, this.plan.firstOf[2]);
        const claims = room > 1 && random.chance(0.15) ? random.int(2, Math.min(4, room)) : 1;
        return this.link('FOUGHT', this.factionFor(this.factions, event, 0), event, claims);
      }
      case 'participated': {
        const event = this.events.draw(random, () => true, this.plan.firstOf[2]);
        return this.link('PARTICIPATED_IN', this.factionFor(this.factions, event, 0), event);
      }
      case 'personEvent':
        return this.link(
          'PARTICIPATED_IN',
          this.anyJoined(PERSON),
          this.events.draw(random, () => true, this.plan.firstOf[2]),
        );
      case 'supported': {
        const faction = this.anyJoined(FACTION);
        return this.link('SUPPORTED_BY', faction, this.factionFor(this.backers, faction, 0));
      }
      default:
        return this.link(
          'BASED_IN',
          this.anyJoined(FACTION),
          this.places.draw(random, () => true, this.plan.firstOf[3]),
        );
    }
  }

  /** A planned merger: from its month, to the month it split off again when it did. */
  private merger(node: number): number {
    const { plan } = this;
    const split = plan.splitAt[node]!;
    const month = plan.mergedAt[node]!;
    return this.send({
      type: 'MERGED_INTO',
      source: node,
      target: plan.mergedInto[node]!,
      from: monthText(month),
      to: split >= 0 ? monthText(split) : undefined,
      month,
      claim: 0,
      claims: 1,
    });
  }

  /** Dates the link within both lives and emits it (`claims` times for parallel claims); returns the count. */
  private link(type: RelationshipType, source: number, target: number, claims = 1): number {
    const shared = overlap(this.span(source), this.span(target))!;
    const bounded = this.ends(source) || this.ends(target);
    const event = this.kindOf(target) === EVENT ? target - this.plan.firstOf[2] : -1;
    let from: string;
    let to: string | undefined;
    let month: number;
    if (event >= 0 && shared.from === shared.to && this.plan.eventAs[event] !== Precision.Year) {
      // A one-day or one-month event: the link is the event's own date, as the seed's battles are.
      month = shared.from;
      const day = this.plan.eventDay[event]!;
      from = day ? dayText(month, day) : monthText(month);
      to = from;
    } else {
      month = shared.from + this.random.int(0, Math.min(24, shared.to - shared.from));
      const untilMonth =
        bounded || this.random.chance(0.5) ? this.random.int(month, Math.min(shared.to, month + 48)) : -1;
      const withDay = this.random.chance(0.12);
      from = withDay ? dayText(month, this.random.int(1, 28)) : monthText(month);
      to = untilMonth < 0 ? undefined : untilMonth === month && withDay ? from : monthText(untilMonth);
    }
    for (let claim = 0; claim < claims; claim++) this.send({ type, source, target, from, to, month, claim, claims });
    return claims;
  }

  private send(link: Link): number {
    this.emitted++;
    this.ticket(link.source);
    this.ticket(link.target);
    this.emit(link);
    return 1;
  }
}
