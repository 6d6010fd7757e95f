/**
 * The words of each link the grower decides (grow.ts), as an import record: its id, roles, how the
 * source states it (qualifiers, who claims it), casualty figures with their bounds on battles (each
 * parallel claim its own figure and source, as the seed's five claims on one killing), and citations
 * of outlets that reported it.
 */
import type { RelationshipRecord } from '../../contract/importFile.ts';
import { CLAIM_QUALIFIERS, FIGURE_BOUNDS, type RelationshipType } from '../../contract/model.ts';
import type { Citations } from './citations.ts';
import type { Link } from './grow.ts';
import type { Random } from './random.ts';
import {
  BASE_ROLES,
  CLAIMANTS,
  COUNTED,
  EVENT_ROLES,
  FIGHT_ROLES,
  LEADER_ROLES,
  MEMBER_ROLES,
  PERSON_EVENT_ROLES,
  SUPPORT_ROLES,
} from './words.ts';

const VERB: Record<RelationshipType, string> = {
  MEMBER_OF: 'member-of',
  MERGED_INTO: 'merged-into',
  LED_BY: 'led-by',
  FOUGHT: 'fought',
  PARTICIPATED_IN: 'participated-in',
  SUPPORTED_BY: 'supported-by',
  BASED_IN: 'based-in',
  SAME_AS: 'same-as',
};

export class RelationshipWriter {
  private count = 0;
  /** The figure of the battle whose parallel claims are being written, so they disagree around it. */
  private figure = 0;

  constructor(
    private readonly nodeIds: readonly string[],
    private readonly citations: Citations,
    private readonly random: Random,
    private readonly isPerson: (node: number) => boolean,
  ) {}

  /** The record of one link; called in the grower's order. */
  record(link: Link): RelationshipRecord {
    const { random } = this;
    const by = random.chance(0.08);
    const record: RelationshipRecord = {
      id: `${VERB[link.type]}-${this.count++}`,
      type: link.type,
      source: this.nodeIds[link.source]!,
      target: this.nodeIds[link.target]!,
      from: link.from,
      ...(by ? { fromQualifier: 'by' as const } : {}),
      ...(link.to !== undefined ? { to: link.to } : {}),
      sources: this.citations.cite(link.month),
    };
    const role = this.role(link);
    if (role) record.role = role;
    if (link.type === 'FOUGHT') {
      if (link.claim === 0) this.figure = random.int(3, 400);
      if (link.claims > 1 || (random.chance(0.35) && this.claimsFigure(link))) {
        const spread = link.claim === 0 ? 0 : random.int(-(this.figure >> 1), this.figure);
        record.casualties = this.figure + spread;
        if (random.chance(0.4)) record.casualtiesBound = random.pick(FIGURE_BOUNDS);
        record.casualtiesCounted = random.pick(COUNTED);
      }
    }
    if (random.chance(0.08) || (link.claim > 0 && random.chance(0.5))) {
      record.qualifier = random.pick(CLAIM_QUALIFIERS);
      if (record.qualifier === 'claimed') record.claimedBy = random.pick(CLAIMANTS);
    }
    if (random.chance(0.05)) record.description = `As ${random.pick(CLAIMANTS)} reported it at the time.`;
    return record;
  }

  /** Battles against an event carry figures; a fight between two factions only sometimes does. */
  private claimsFigure(link: Link): boolean {
    return link.from === link.to || this.random.chance(0.2);
  }

  private role(link: Link): string | undefined {
    const { random } = this;
    if (!random.chance(0.6)) return undefined;
    switch (link.type) {
      case 'LED_BY':
        return random.pick(LEADER_ROLES);
      case 'MEMBER_OF':
        return this.isPerson(link.source) ? 'fighter' : random.pick(MEMBER_ROLES);
      case 'FOUGHT':
        return random.pick(FIGHT_ROLES);
      case 'PARTICIPATED_IN':
        return random.pick(this.isPerson(link.source) ? PERSON_EVENT_ROLES : EVENT_ROLES);
      case 'SUPPORTED_BY':
        return random.pick(SUPPORT_ROLES);
      case 'BASED_IN':
        return random.pick(BASE_ROLES);
      default:
        return undefined;
    }
  }
}
