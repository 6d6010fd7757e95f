/**
 * Valid time stored at import (contract/validTime.ts): every graph node keeps its lifetime and every
 * relationship its bounds as `validFrom`/`validTo`, derived from its stated interval and both ends'
 * lifetimes, whether those ends are in the file or already in the database. A node's new lifetime moves
 * its stored relationships in the same transaction; a relationship that would hold on no day is refused;
 * and the start-up derivation fills in bounds that a database imported by older code lacks.
 */
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorBody, importResponse } from '../../contract/api.ts';
import { importFile } from '../../contract/importFile.ts';
import {
  firstDay,
  lifetimeOf,
  relationshipValidTime,
  VALID_TIME_MAX,
  VALID_TIME_MIN,
} from '../../contract/validTime.ts';
import { deriveMissingValidTime } from '../../server/services/importValidTime.ts';
import { prepareStoredData, readSeed } from '../../server/services/seed.ts';
import { connectTestDatabase, fingerprint, freshSeededDatabase, testApp } from '../support/fixtures.ts';

const db = connectTestDatabase();
const app = testApp(db);
beforeAll(() => freshSeededDatabase(db));
afterAll(() => db.close());

const postImport = (body: unknown) =>
  request(app)
    .post('/api/import')
    .send(body as object);

const relationshipTime = async (id: string) =>
  (
    await db.runAdmin('MATCH ()-[r]->() WHERE r.id = $id RETURN r.validFrom AS validFrom, r.validTo AS validTo', { id })
  )[0];
const nodeTime = async (id: string) =>
  (await db.runAdmin('MATCH (n:Entity {id: $id}) RETURN n.validFrom AS validFrom, n.validTo AS validTo', { id }))[0];

const seed = importFile.parse(readSeed());
const seedNode = (id: string) => seed.nodes.find((n) => n.id === id);
const isDay = (date?: string) => date?.length === 10;

/** The seed's Jaysh al-Nasr node (founded 2015-08), with another founding date. */
function jayshFoundedIn(founded: string) {
  return { nodes: [{ ...seedNode('jaysh-al-nasr')!, founded }] };
}

/** Seed links of Jaysh al-Nasr with no stated start, whose other end has no known start either. */
const undatedLinksOfJaysh = seed.relationships.filter((r) => {
  const other = seedNode(r.source === 'jaysh-al-nasr' ? r.target : r.source);
  return (
    (r.source === 'jaysh-al-nasr' || r.target === 'jaysh-al-nasr') &&
    !r.from &&
    other !== undefined &&
    lifetimeOf(other).validFrom === VALID_TIME_MIN
  );
});

/** Every stored validFrom/validTo, by id, in id order: what an import or the derivation leaves. */
const storedBounds = () =>
  db.runAdmin(
    `CALL () {
       MATCH (n:Entity) RETURN n.id AS id, n.validFrom AS validFrom, n.validTo AS validTo
       UNION ALL
       MATCH ()-[r]->() RETURN r.id AS id, r.validFrom AS validFrom, r.validTo AS validTo
     }
     RETURN id, validFrom, validTo ORDER BY id`,
  );

describe('the seed is stored with its valid time', () => {
  beforeAll(() => freshSeededDatabase(db));

  it("stores every relationship with the bounds contract/validTime.ts derives from its dates and both ends' lifetimes", async () => {
    const unbounded = lifetimeOf({});
    const lifetime = (id: string) => {
      const node = seedNode(id);
      return node ? lifetimeOf(node) : unbounded;
    };
    for (const r of seed.relationships) {
      expect(await relationshipTime(r.id), r.id).toEqual(
        relationshipValidTime(r, lifetime(r.source), lifetime(r.target)),
      );
    }
  });

  it("an undated link of a faction founded in August 2015 starts on 2015-08-01, the faction's first day", async () => {
    expect(seedNode('jaysh-al-nasr')).toMatchObject({ label: 'Faction', founded: '2015-08' });
    expect(undatedLinksOfJaysh.length).toBeGreaterThan(0);
    for (const r of undatedLinksOfJaysh) expect((await relationshipTime(r.id))?.validFrom, r.id).toBe('2015-08-01');
  });

  it('a link to a one-day event is an instant on that day', async () => {
    const instants = seed.relationships.filter((r) => {
      const event = seedNode(r.target);
      return event?.label === 'Event' && isDay(event.date) && !event.endDate;
    });
    expect(instants.length).toBeGreaterThan(0);
    for (const r of instants) {
      const day = (seedNode(r.target) as { date: string }).date;
      expect(await relationshipTime(r.id), r.id).toEqual({ validFrom: day, validTo: day });
    }
  });

  it("nodes keep their own lifetime: a faction's from its founding, an event's its day, a person's unbounded", async () => {
    expect(await nodeTime('jaysh-al-nasr')).toEqual({ validFrom: '2015-08-01', validTo: VALID_TIME_MAX });
    const event = seed.nodes.find((n) => n.label === 'Event' && isDay(n.date) && !n.endDate && !n.dateQualifier) as {
      id: string;
      date: string;
    };
    expect(await nodeTime(event.id)).toEqual({ validFrom: event.date, validTo: event.date });
    // An event dated only "by" a day (a video's upload date) happened no later than that day.
    const bounded = seed.nodes.find((n) => n.label === 'Event' && n.dateQualifier === 'by') as {
      id: string;
      date: string;
    };
    expect(await nodeTime(bounded.id)).toEqual({ validFrom: VALID_TIME_MIN, validTo: bounded.date });
    const person = seed.nodes.find((n) => n.label === 'Person')!;
    expect(await nodeTime(person.id)).toEqual({ validFrom: VALID_TIME_MIN, validTo: VALID_TIME_MAX });
  });

  it('every graph node and every relationship has its bounds, and sources none', async () => {
    const [row] = await db.runAdmin(
      `RETURN COUNT { MATCH (n:Entity) WHERE NOT n:Source AND (n.validFrom IS NULL OR n.validTo IS NULL) } AS nodes,
              COUNT { MATCH ()-[r]->() WHERE r.validFrom IS NULL OR r.validTo IS NULL } AS relationships,
              COUNT { MATCH (s:Source) WHERE s.validFrom IS NOT NULL } AS sources`,
    );
    expect(row).toEqual({ nodes: 0, relationships: 0, sources: 0 });
  });
});

describe("a node's new lifetime moves its stored relationships", () => {
  beforeEach(() => freshSeededDatabase(db));

  it('re-importing a faction with an earlier founding date moves the validFrom of links it bounded', async () => {
    const summary = importResponse.parse((await postImport(jayshFoundedIn('2015-06')).expect(200)).body);
    expect(summary.changes.propertiesSet).toBeGreaterThan(0);
    expect(await nodeTime('jaysh-al-nasr')).toEqual({ validFrom: '2015-06-01', validTo: VALID_TIME_MAX });
    for (const r of undatedLinksOfJaysh) expect((await relationshipTime(r.id))?.validFrom, r.id).toBe('2015-06-01');
    // A link with its own, later start keeps it.
    const dated = seed.relationships.find((r) => r.target === 'jaysh-al-nasr' && r.from && r.from > '2015-08')!;
    expect((await relationshipTime(dated.id))?.validFrom).toBe(firstDay(dated.from!));
  });

  it('importing the old founding date again moves them back, exactly, and a second time changes nothing', async () => {
    // The network, as seeded: each import adds its entry to the audit trail, which is not the network.
    const network = () => fingerprint(db, 'AuditEntry');
    const seeded = await network();
    await postImport(jayshFoundedIn('2015-06')).expect(200);
    expect(await network()).not.toBe(seeded);
    await postImport(readSeed()).expect(200);
    expect(await network()).toBe(seeded);
    const again = importResponse.parse((await postImport(readSeed()).expect(200)).body);
    expect(again.changes).toEqual({ nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 });
  });

  it('a founding date that leaves a stored link on no day is a 409 naming the node and the link, and writes nothing', async () => {
    const before = await fingerprint(db);
    const response = await postImport(jayshFoundedIn('2019')).expect(409);
    const { error } = errorBody.parse(response.body);
    expect(error.code).toBe('IMPORT_CONFLICT');
    // Every stored link of Jaysh al-Nasr that ends before 2019, each named with the day it would start.
    expect(error.details?.length).toBeGreaterThan(0);
    for (const problem of error.details ?? []) {
      expect(problem.path).toBe('nodes[0]');
      expect(problem.message).toMatch(/"[a-z0-9-]+".*would start on 2019-01-01 but end on \d{4}-\d{2}-\d{2}/);
    }
    expect(await fingerprint(db)).toBe(before);
  });
});

describe('a relationship that would hold on no day is refused: 400 naming its path and both dates', () => {
  let before: string;
  beforeAll(async () => {
    await freshSeededDatabase(db);
    before = await fingerprint(db);
  });

  it('a link stated to start after its end (in the same file) was dissolved', async () => {
    const file = {
      nodes: [
        {
          label: 'Faction',
          id: 'short-lived-brigade',
          name: 'Short-lived Brigade',
          kind: 'armed group',
          dissolved: '2016-05',
          sources: ['ref-1'],
        },
      ],
      relationships: [
        {
          id: 'short-lived-in-sham',
          type: 'MEMBER_OF',
          source: 'short-lived-brigade',
          target: 'sham-legion',
          from: '2019',
          sources: ['ref-1'],
        },
      ],
    };
    const { error } = errorBody.parse((await postImport(file).expect(400)).body);
    expect(error.code).toBe('INVALID_IMPORT');
    expect(error.details).toHaveLength(1);
    expect(error.details?.[0]?.path).toBe('relationships[0].from');
    expect(error.details?.[0]?.message).toContain('2019-01-01');
    expect(error.details?.[0]?.message).toContain('2016-05-31');
    expect(await fingerprint(db)).toBe(before);
  });

  it('a link stated to end before a faction the database holds was founded', async () => {
    const file = {
      nodes: [{ label: 'Person', id: 'early-recruit', name: 'Early Recruit', sources: ['ref-1'] }],
      relationships: [
        {
          id: 'early-recruit-in-jaysh',
          type: 'MEMBER_OF',
          source: 'early-recruit',
          target: 'jaysh-al-nasr',
          to: '2014',
          sources: ['ref-1'],
        },
      ],
    };
    const { error } = errorBody.parse((await postImport(file).expect(400)).body);
    expect(error.details?.map((d) => d.path)).toEqual(['relationships[0].to']);
    expect(error.message).toContain('2015-08-01');
    expect(error.message).toContain('2014-12-31');
    expect(await fingerprint(db)).toBe(before);
  });
});

describe('the start-up derivation', () => {
  beforeEach(() => freshSeededDatabase(db));

  const removeBounds = async () => {
    await db.runAdmin('MATCH (n:Entity) REMOVE n.validFrom, n.validTo');
    await db.runAdmin('MATCH ()-[r]->() REMOVE r.validFrom, r.validTo');
  };

  it('fills in, batch by batch, the bounds a database imported by older code lacks, exactly as an import stores them', async () => {
    const imported = await storedBounds();
    const [counts] = await db.runAdmin(
      'RETURN COUNT { MATCH (n:Entity) WHERE NOT n:Source } AS nodes, COUNT { ()-[]->() } AS relationships',
    );
    await removeBounds();
    expect(await storedBounds()).not.toEqual(imported);

    expect(await deriveMissingValidTime(db, 7)).toEqual(counts);
    expect(await storedBounds()).toEqual(imported);
    expect(await deriveMissingValidTime(db, 7)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('runs on every start, before seeding, and leaves a database that has its bounds alone', async () => {
    const imported = await storedBounds();
    const link = undatedLinksOfJaysh[0]!;
    await db.runAdmin('MATCH ()-[r]->() WHERE r.id = $id REMOVE r.validFrom, r.validTo', { id: link.id });
    await db.runAdmin("MATCH (n:Entity {id: 'jaysh-al-nasr'}) REMOVE n.validFrom, n.validTo");
    const started = await prepareStoredData(db, { seed: true });
    expect(started).toEqual({ derived: { nodes: 1, relationships: 1 }, seeded: false });
    expect(await relationshipTime(link.id)).toEqual({ validFrom: '2015-08-01', validTo: VALID_TIME_MAX });
    expect(await storedBounds()).toEqual(imported);
    expect(await prepareStoredData(db, { seed: true })).toEqual({
      derived: { nodes: 0, relationships: 0 },
      seeded: false,
    });
  });
});
