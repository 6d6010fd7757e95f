/**
 * Transaction time is written once (server/db/cypher.ts `{{knownOn x}}`), and every query that reads the
 * network's relationships must use it: one that forgot would show corrected and retracted versions of a
 * claim beside the current one, and ignore "as known on". This finds every registered query file with a
 * relationship pattern and fails for one without the marker, unless it is one of the exempt kinds below.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cypher, expandMarkers, QUERY_NAMES } from '../../server/db/cypher.ts';

const DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));
const raw = (name: string) => readFileSync(`${DIR}${name}.cypher`, 'utf8').replace(/^\s*\/\/.*$/gm, '');

/** A relationship pattern: `-[`, `]-`, `]->`, `<-[`. */
const RELATIONSHIP_PATTERN = /-\[|\]-/;
/** Queries that write: they work on versions they name by id, under the import lock, not on a view of the graph. */
const WRITES = /\b(CREATE|MERGE|SET|DELETE|REMOVE)\b/;
/**
 * The import reads what is stored to compare and undo it, all versions by id (an ended version has no
 * id, so it never matches); the bulk path counts what it wrote; the schema declares indexes.
 */
const EXEMPT_PREFIXES = ['import', 'bulk', 'schema'];
/**
 * Curation's lookups of a claim by id, before it writes: the current version (an ended one has no id),
 * or whether any version, ended ones included, holds an id (server/services/claims.ts, curationWrite.ts).
 */
const BY_ID = ['claimById', 'claimIdTaken'];

const readers = QUERY_NAMES.filter(
  (name) =>
    !EXEMPT_PREFIXES.some((p) => name.startsWith(p)) &&
    !BY_ID.includes(name) &&
    RELATIONSHIP_PATTERN.test(raw(name)) &&
    !WRITES.test(raw(name)),
);

describe('the knownOn marker', () => {
  it('finds the network reads it must cover', () => {
    // The test itself must not cover nothing: these are known readers of relationships.
    expect(readers).toEqual(
      expect.arrayContaining(['expandNeighbourhood', 'relationshipsAmong', 'shortestPaths', 'mergerLineage']),
    );
  });

  it.each(readers)('%s reads relationships only as known on $knownUntil, or current ones', (name) => {
    // A query feeding a write (matching, merging) may read current facts only, `supersededAt IS NULL`:
    // what the marker means when no knownOn is asked.
    if (/\.supersededAt IS NULL/.test(raw(name)) && !raw(name).includes('{{')) return;
    expect(raw(name)).toMatch(/\{\{knownOn \w+\}\}/);
    // Expanded when loaded: no marker reaches Neo4j, and the parameter is there.
    expect(cypher(name)).not.toContain('{{');
    expect(cypher(name)).toContain('$knownUntil');
  });

  it('expands to recordedAt < knownUntil <= supersededAt, with open ends', () => {
    const text = expandMarkers('WHERE {{knownOn r}}');
    expect(text).toBe(
      "WHERE (coalesce(r.recordedAt, '') < coalesce($knownUntil, '~') AND coalesce($knownUntil, '~') <= coalesce(r.supersededAt, '~'))",
    );
    // '~' sorts after every ISO instant, so an open end (or now) compares as later than any time.
    expect('2026-12-01T10:15:00.000Z' < '~').toBe(true);
    expect('9999-12-31T23:59:59.999Z' < '~').toBe(true);
  });
});
