/**
 * The import's dry run (issue 12): POST /api/import?dryRun=true checks a file as the import does, then
 * answers what it would create and update and the held nodes its new nodes may duplicate, writing
 * nothing at all (no node, no import job, no audit entry).
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { dryRunResponse } from '../../contract/curation.ts';
import { readSeed } from '../../server/services/seed.ts';
import { fingerprint, seededApp } from '../support/fixtures.ts';

const { db, app } = seededApp();

const SOURCE = { id: 'dry-run-article', name: 'An article', title: 'Army of Victory in Hama', reliability: 'C' };
const ARMY = {
  label: 'Faction',
  id: 'army-of-victory',
  name: 'Army of Victory',
  aliases: ['Jaish al-Nasr'],
  sources: ['dry-run-article'],
};
const MEMBERSHIP = {
  id: 'army-of-victory-member-of-fsa',
  type: 'MEMBER_OF',
  source: 'army-of-victory',
  target: 'free-syrian-army',
  sources: ['dry-run-article'],
  credibility: 2,
};

async function dryRun(file: unknown) {
  return request(app)
    .post('/api/import?dryRun=true')
    .set('content-type', 'application/json')
    .send(file as object);
}

describe('POST /api/import?dryRun=true', () => {
  it('reports jaysh-al-nasr among the possible duplicates of a new "Army of Victory" and writes nothing', async () => {
    const before = await fingerprint(db);
    const response = await dryRun({ sources: [SOURCE], nodes: [ARMY], relationships: [MEMBERSHIP] });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const answer = dryRunResponse.parse(response.body);
    expect(answer.changes).toEqual({
      sourcesCreated: 1,
      sourcesUpdated: 0,
      nodesCreated: 1,
      nodesUpdated: 0,
      relationshipsCreated: 1,
      relationshipsUpdated: 0,
    });
    const duplicate = answer.possibleDuplicates.find((d) => d.existing === 'jaysh-al-nasr');
    expect(duplicate).toMatchObject({ incoming: 'army-of-victory' });
    expect(duplicate!.score).toBeGreaterThan(0.75);
    expect(duplicate!.reasons.join(' ')).toMatch(/Army of Victory/);
    expect(duplicate!.reasons.join(' ')).toMatch(/linked to 1 of the 1 given neighbours \(free-syrian-army\)/);
    expect(answer.possibleDuplicatesTruncated).toBe(false);
    expect(await fingerprint(db)).toBe(before);
  });

  it('counts the seed itself as no change: every item already held as the file says', async () => {
    const before = await fingerprint(db);
    const answer = dryRunResponse.parse((await dryRun(readSeed())).body);
    expect(answer.changes).toEqual({
      sourcesCreated: 0,
      sourcesUpdated: 0,
      nodesCreated: 0,
      nodesUpdated: 0,
      relationshipsCreated: 0,
      relationshipsUpdated: 0,
    });
    expect(answer.possibleDuplicates).toEqual([]);
    expect(await fingerprint(db)).toBe(before);
  });

  it('counts an update of a held node and of a held relationship', async () => {
    const seed = readSeed() as { nodes: Record<string, unknown>[]; relationships: Record<string, unknown>[] };
    const node = { ...seed.nodes.find((n) => n.id === 'turkey')!, description: 'A state.' };
    const rel = { ...seed.relationships[0]!, role: 'member' };
    const answer = dryRunResponse.parse((await dryRun({ nodes: [node], relationships: [rel] })).body);
    expect(answer.changes).toMatchObject({ nodesUpdated: 1, nodesCreated: 0, relationshipsUpdated: 1 });
  });

  it('refuses a bad file as the import does (400 INVALID_IMPORT naming the field) and writes nothing', async () => {
    const before = await fingerprint(db);
    const bad = { nodes: [{ ...ARMY, sources: [] }] };
    const dry = await dryRun(bad);
    const real = await request(app).post('/api/import').set('content-type', 'application/json').send(bad);
    expect(dry.status).toBe(400);
    expect(dry.body.error.code).toBe('INVALID_IMPORT');
    expect(dry.body.error.details).toEqual(real.body.error.details);
    const unknown = await dryRun({ relationships: [MEMBERSHIP] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toContainEqual({
      path: 'relationships[0].source',
      message: 'unknown node "army-of-victory"',
    });
    expect(await fingerprint(db)).toBe(before);
  });

  it.each(['1', 'yes', 'TRUE', '', 'false,true'])(
    'refuses dryRun=%j (400 naming dryRun) and writes nothing',
    async (flag) => {
      const before = await fingerprint(db);
      const response = await request(app)
        .post(`/api/import?dryRun=${encodeURIComponent(flag)}`)
        .set('content-type', 'application/json')
        .send({ sources: [SOURCE], nodes: [ARMY], relationships: [MEMBERSHIP] });
      expect(response.status, JSON.stringify(response.body)).toBe(400);
      expect(response.body.error.message).toMatch(/dryRun/);
      expect(await fingerprint(db)).toBe(before);
    },
  );
});
