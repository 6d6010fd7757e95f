/**
 * The valid time the seed's relationships should be stored with, derived from the seed file by the
 * contract's one rule (contract/validTime.ts), so tests check the stored bounds and the Cypher that reads
 * them against the rule, not against a copy of it.
 */
import { importFile, type ImportFile, type RelationshipRecord } from '../../contract/importFile.ts';
import { holdsOn, lifetimeOf, relationshipValidTime, type ValidTime } from '../../contract/validTime.ts';
import { readSeed } from '../../server/services/seed.ts';

/** The seed dataset, parsed. */
export const seed: ImportFile = importFile.parse(readSeed());

const lifetimes = new Map(seed.nodes.map((n) => [n.id, lifetimeOf(n)]));
const unbounded: ValidTime = { validFrom: '0000-01-01', validTo: '9999-12-31' };

/** A seed relationship's valid time: its stated interval within the lifetimes of both its ends. */
export function seedValidTime(r: RelationshipRecord): ValidTime {
  return relationshipValidTime(r, lifetimes.get(r.source) ?? unbounded, lifetimes.get(r.target) ?? unbounded);
}

/** Whether a seed relationship holds on `asOf` (always, when no date is given). */
export const holdsInSeed = (r: RelationshipRecord, asOf?: string): boolean =>
  asOf === undefined || holdsOn(seedValidTime(r), asOf);

/** The seed relationships whose both ends are among `ids`, optionally only those holding on `asOf`. */
export function seedRelationshipsAmong(ids: Iterable<string>, asOf?: string): RelationshipRecord[] {
  const among = new Set(ids);
  return seed.relationships.filter((r) => among.has(r.source) && among.has(r.target) && holdsInSeed(r, asOf));
}
