/**
 * Matching what is held (issue 12): POST /api/nodes/matches lists the held nodes a node about to be
 * added may duplicate, by every name and alias folded as search folds them and by shared neighbours,
 * with a score and the reasons in words; merged-away nodes and sources are never listed.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { matchResponse } from '../../contract/curation.ts';
import { authApp, createTestUser, signedIn } from '../support/auth.ts';
import { graphFingerprint, seededApp } from '../support/fixtures.ts';

const { db, app } = seededApp();

async function matches(body: Record<string, unknown>) {
  const response = await request(app).post('/api/nodes/matches').send(body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return matchResponse.parse(response.body).matches;
}

describe('POST /api/nodes/matches', () => {
  it('finds Jaysh al-Nasr for "Army of Victory", one of its aliases, with score 1 and the alias in words', async () => {
    const found = await matches({ label: 'Faction', name: 'Army of Victory' });
    expect(found[0]?.existing).toMatchObject({ id: 'jaysh-al-nasr', label: 'Faction', name: 'Jaysh al-Nasr' });
    expect(found[0]?.score).toBe(1);
    expect(found[0]?.reasons[0]).toMatch(/alias “Army of Victory” equals the name given/);
    // Other factions whose names share only "army" are too far to list.
    expect(found.map((m) => m.existing.id)).not.toContain('syrian-arab-army');
  });

  it('folds spellings and scripts as search does: "Jaish an-Nasr", "جيش النصر"', async () => {
    for (const name of ['Jaish an-Nasr', 'جيش النصر', 'JAYSH AL NASR']) {
      const found = await matches({ name });
      expect(found[0]?.existing.id, name).toBe('jaysh-al-nasr');
    }
  });

  it('matches an incoming alias too, and keeps to the label asked for', async () => {
    const found = await matches({ label: 'Faction', name: 'Legion of the Levant', aliases: ['Faylaq al-Sham'] });
    expect(found[0]?.existing.id).toBe('sham-legion');
    expect(found[0]?.reasons[0]).toMatch(/alias “Faylaq al-Sham” equals the alias “Faylaq al-Sham” given/);
    expect(await matches({ label: 'Person', name: 'Faylaq al-Sham' })).toEqual([]);
  });

  it('raises the score of a candidate linked to the given neighbours, and says so', async () => {
    const [alone] = await matches({ name: 'Victory Army of Hama' });
    const [linked] = await matches({
      name: 'Victory Army of Hama',
      neighbours: ['free-syrian-army', 'fatah-halab'],
    });
    expect(alone?.existing.id).toBe('jaysh-al-nasr');
    expect(linked?.existing.id).toBe('jaysh-al-nasr');
    expect(linked!.score).toBeGreaterThan(alone!.score);
    expect(linked?.reasons.at(-1)).toBe('linked to 2 of the 2 given neighbours (free-syrian-army, fatah-halab)');
  });

  it('never lists a source, and lists nothing for a name held by no node', async () => {
    expect(await matches({ name: 'Wikipedia' })).toEqual([]);
    expect(await matches({ name: 'Zzyzx Brigade' })).toEqual([]);
  });

  it('hides a merged-away node (supersededAt set)', async () => {
    await db.runAdmin(`MATCH (n:Entity {id: 'liwa-omar'}) SET n.supersededAt = '2026-01-01T00:00:00.000Z'`);
    expect((await matches({ name: 'Liwa Omar' })).map((m) => m.existing.id)).not.toContain('liwa-omar');
    await db.runAdmin(`MATCH (n:Entity {id: 'liwa-omar'}) REMOVE n.supersededAt`);
    expect((await matches({ name: 'Liwa Omar' }))[0]?.existing.id).toBe('liwa-omar');
  });

  it('refuses a request without a name: 400 naming the field', async () => {
    const response = await request(app).post('/api/nodes/matches').send({ label: 'Faction' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(/name/);
  });
});

describe('who may match, merge and link', () => {
  it('lets a viewer ask for matches, and refuses a viewer a merge or a SAME_AS link (403, nothing written)', async () => {
    const secured = authApp(db);
    await createTestUser(db, 'matching-viewer', 'viewer');
    const viewer = await signedIn(secured, 'matching-viewer');
    const asked = await viewer.post('/api/nodes/matches').send({ name: 'Army of Victory' });
    expect(asked.status).toBe(200);
    expect(matchResponse.parse(asked.body).matches[0]?.existing.id).toBe('jaysh-al-nasr');
    const before = await graphFingerprint(db);
    expect((await viewer.post('/api/nodes/jaysh-al-nasr/merge').send({ duplicate: 'liwa-omar' })).status).toBe(403);
    const link = await viewer.post('/api/nodes/jaysh-al-nasr/same-as').send({ other: 'liwa-omar', sources: ['ref-1'] });
    expect(link.status).toBe(403);
    expect(await graphFingerprint(db)).toBe(before);
  });
});
