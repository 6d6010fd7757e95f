/**
 * The graph nodes of a planned network as import records (contract/importFile.ts): factions with their
 * kind and stated founding and dissolution, persons with ranks, events with their dates as a source
 * states them, places. The words come from the text stream; dates come from the plan, so every
 * record's lifetime (contract/validTime.ts lifetimeOf) contains what the plan gave it.
 */
import type { NodeRecord } from '../../contract/importFile.ts';
import type { Citations } from './citations.ts';
import { slugOf } from './citations.ts';
import { factionName, occupationOf, personName, placeName, rankOf, townName } from './names.ts';
import { EVENT, FACTION_KIND_NAMES, PERSON, type Plan, Precision } from './plan.ts';
import type { Random } from './random.ts';
import { dayText, monthText, yearText } from './timeline.ts';
import { CAMPAIGN_KINDS, EVENT_KINDS } from './words.ts';

const QUALIFIERS = [undefined, 'by', 'after'] as const;
const STATE_FORCES_NAMES = [
  'Syrian Arab Army',
  'National Defence Forces',
  'Republican Guard',
  'Air Force Intelligence',
];
const FOREIGN_STATES = ['Turkey', 'Russia', 'Iran', 'United States', 'Qatar', 'Jordan', 'Saudi Arabia'];
const FOREIGN_UNITS = ['Armed Forces', 'Intelligence', 'Special Forces', 'Military Operations Centre', 'Advisers'];

/** Writes partial dates at a precision: a year, a month, or (for events) a day. */
function stated(precision: number, month: number, day = 0): string | undefined {
  if (precision === Precision.None) return undefined;
  if (precision === Precision.Year) return yearText(month);
  if (precision === Precision.Day && day > 0) return dayText(month, day);
  return monthText(month);
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export class NodeWriter {
  /** Each graph node's id, by node number, for the relationships. */
  readonly ids: string[] = [];

  constructor(
    private readonly plan: Plan,
    private readonly citations: Citations,
    private readonly random: Random,
  ) {}

  /** Node `node`'s record; called once per node, in number order. */
  record(node: number): NodeRecord {
    const { firstOf } = this.plan;
    const record =
      node < firstOf[PERSON]
        ? this.faction(node)
        : node < firstOf[EVENT]
          ? this.person(node)
          : node < firstOf[EVENT + 1]!
            ? this.event(node)
            : this.place(node);
    this.ids.push(record.id);
    return record;
  }

  private common(node: number, name: string, aliases: string[]) {
    const id = `${slugOf(name)}-${node}`;
    return { id, name, ...(aliases.length ? { aliases } : {}) };
  }

  private cite(node: number) {
    return this.citations.cite(this.plan.start[node]!);
  }

  private describe(text: () => string) {
    return this.random.chance(0.12) ? { description: text() } : {};
  }

  private faction(f: number): NodeRecord {
    const { plan, random } = this;
    const kind = plan.factionKind[f]!;
    const naming =
      f === 0
        ? { name: 'Syrian Arab Army', aliases: ['SAA', 'الجيش العربي السوري'] }
        : f === 1
          ? { name: 'Free Syrian Army', aliases: ['FSA', 'الجيش السوري الحر'] }
          : kind === 4
            ? { name: `${random.pick(STATE_FORCES_NAMES)} in ${townName(random)}`, aliases: [] }
            : kind === 5
              ? { name: `${random.pick(FOREIGN_STATES)} ${random.pick(FOREIGN_UNITS)}`, aliases: [] }
              : factionName(random);
    const founded = stated(plan.foundedAs[f]!, plan.start[f]!);
    const dissolved = stated(plan.dissolvedAs[f]!, plan.end[f]!);
    const merged = plan.mergedInto[f]! >= 0;
    return {
      label: 'Faction',
      ...this.common(f, naming.name, naming.aliases),
      ...(kind !== 0 || random.chance(0.85) ? { kind: FACTION_KIND_NAMES[kind] } : {}),
      ...(founded ? { founded } : {}),
      ...(founded && QUALIFIERS[plan.foundedQualifier[f]!] ? { foundedQualifier: 'by' as const } : {}),
      ...(dissolved ? { dissolved } : {}),
      ...(dissolved && QUALIFIERS[plan.dissolvedQualifier[f]!] ? { dissolvedQualifier: 'after' as const } : {}),
      ...this.describe(() =>
        merged
          ? `Armed group that later merged into a larger faction.`
          : `${capitalised(FACTION_KIND_NAMES[kind]!)} active in the ${townName(random)} countryside.`,
      ),
      sources: this.cite(f),
    } as NodeRecord;
  }

  private person(node: number): NodeRecord {
    const { random } = this;
    const naming = personName(random);
    const rank = rankOf(random);
    const occupation = occupationOf(random);
    return {
      label: 'Person',
      ...this.common(node, naming.name, naming.aliases),
      ...(rank ? { rank } : {}),
      ...(occupation ? { occupation } : {}),
      ...this.describe(() => `Commander from ${townName(random)}.`),
      sources: this.cite(node),
    } as NodeRecord;
  }

  private event(node: number): NodeRecord {
    const { plan, random } = this;
    const e = node - plan.firstOf[EVENT];
    const start = plan.start[node]!;
    const end = plan.end[node]!;
    const town = townName(random);
    const spans = plan.eventAs[e] === Precision.Month && end > start;
    const kind = e === 0 ? 'civil war' : spans ? random.pick(CAMPAIGN_KINDS) : random.pick(EVENT_KINDS);
    const preposition = /battle|siege|offensive|campaign/.test(kind) ? 'of' : 'in';
    const name = e === 0 ? 'Syrian Civil War' : `${capitalised(kind)} ${preposition} ${town} (${monthText(start)})`;
    const qualifier = e > 0 && random.chance(0.05) ? random.pick(['by', 'about'] as const) : undefined;
    return {
      label: 'Event',
      ...this.common(node, name, []),
      kind,
      date: stated(plan.eventAs[e]!, start, plan.eventDay[e]!),
      ...(qualifier ? { dateQualifier: qualifier } : {}),
      ...(spans ? { endDate: monthText(end) } : {}),
      place: e === 0 ? 'Syria' : town,
      ...this.describe(() => `A ${kind} near ${town}, as the sources report it.`),
      sources: this.cite(node),
    } as NodeRecord;
  }

  private place(node: number): NodeRecord {
    const naming = placeName(this.random, node - this.plan.firstOf[EVENT + 1]!);
    return {
      label: 'Place',
      ...this.common(node, naming.name, naming.aliases),
      kind: naming.kind,
      sources: this.cite(node),
    } as NodeRecord;
  }
}
