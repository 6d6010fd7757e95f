/**
 * Merging two nodes (issue 12): POST /api/nodes/:id/merge loses no claim, alias or source. The
 * duplicate's claims move to the kept node as corrections (their old versions ended, kept in
 * history), its names become aliases, its citations join the kept node's; the duplicate ends, gone
 * from search and the neighbourhood, still there "as known on" a day before the merge.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { historyResponse, mergeResponse } from '../../contract/curation.ts';
import { seededApp } from '../support/fixtures.ts';

const { db, app } = seededApp();

/** Current claims touching `id`: id, type, other end (supersededAt not set). */
async function claimsOf(id: string) {
  const rows = await db.runAdmin(
    `MATCH (n:Entity {id: $id})-[r]-(o) WHERE r.supersededAt IS NULL
     RETURN r.id AS id, type(r) AS type, o.id AS other, r.sources AS sources ORDER BY id`,
    { id },
  );
  return rows as { id: string; type: string; other: string; sources: string[] }[];
}

async function node(id: string) {
  const [row] = await db.runAdmin('MATCH (n:Entity {id: $id}) RETURN properties(n) AS p', { id });
  return row?.p as Record<string, unknown>;
}

async function sourceCount() {
  const [row] = await db.runAdmin('MATCH (s:Source) RETURN count(s) AS n');
  return Number(row?.n);
}

describe('POST /api/nodes/:id/merge', () => {
  it('refuses a node merged into itself, nodes of two labels, and unknown nodes', async () => {
    const self = await request(app).post('/api/nodes/sham-legion/merge').send({ duplicate: 'sham-legion' });
    expect(self.status).toBe(400);
    const mixed = await request(app).post('/api/nodes/sham-legion/merge').send({ duplicate: 'murak' });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.message).toMatch(/Place/);
    const unknown = await request(app).post('/api/nodes/no-such-node/merge').send({ duplicate: 'sham-legion' });
    expect(unknown.status).toBe(404);
  });

  it('loses no claim, alias or source, and keeps the duplicate "as known on" before the merge', async () => {
    const keep = 'sham-legion';
    const duplicate = 'sham-legion-northern-hama-branch';
    const keptBefore = await node(keep);
    const dupBefore = await node(duplicate);
    const keptClaims = await claimsOf(keep);
    const dupClaims = await claimsOf(duplicate);
    expect(dupClaims.length).toBeGreaterThan(0);
    const between = dupClaims.filter((c) => c.other === keep);
    const sources = await sourceCount();

    const response = await request(app)
      .post(`/api/nodes/${keep}/merge`)
      .send({ duplicate, reason: 'The branch is the Legion itself in the article.' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const answer = mergeResponse.parse(response.body);
    expect(answer.movedClaims).toBe(dupClaims.length - between.length);

    // Every claim of the duplicate now on the kept node, same id, type, other end and sources.
    const after = await claimsOf(keep);
    for (const c of dupClaims.filter((d) => d.other !== keep)) {
      expect(after, c.id).toContainEqual({ ...c });
    }
    for (const c of keptClaims.filter((k) => k.other !== duplicate)) expect(after).toContainEqual(c);
    expect(await claimsOf(duplicate)).toEqual([]);
    // Every name kept, every citation joined, no source lost.
    const kept = await node(keep);
    for (const name of [dupBefore.name, ...((dupBefore.aliases as string[]) ?? [])]) {
      expect(kept.aliases).toContain(name);
    }
    for (const alias of keptBefore.aliases as string[]) expect(kept.aliases).toContain(alias);
    for (const s of [...(keptBefore.sources as string[]), ...(dupBefore.sources as string[])]) {
      expect(kept.sources).toContain(s);
    }
    expect(await sourceCount()).toBe(sources);
    // The old versions stay, ended, with their claimId.
    const [ended] = await db.runAdmin(
      `MATCH ()-[r]-() WHERE r.claimId = $id AND r.supersededAt IS NOT NULL RETURN r.endReason AS why, r.id AS id`,
      { id: dupClaims[0]!.id },
    );
    expect(ended).toMatchObject({ why: `merged into ${keep}`, id: null });

    // Gone from search and the neighbourhood; still there as known before the merge.
    const search = await request(app).get('/api/search').query({ q: "Sham Legion's northern Hama branch" });
    expect(search.body.results.map((r: { id: string }) => r.id)).not.toContain(duplicate);
    const other = dupClaims.find((c) => c.other !== keep)!.other;
    const now = await request(app).get(`/api/nodes/${other}/neighbors`);
    expect(now.status).toBe(200);
    expect(now.body.nodes.map((n: { data: { id: string } }) => n.data.id)).not.toContain(duplicate);
    // As the graph stood just before the merge's instant (contract/knownTime.ts: knownOn takes an instant).
    const mergedAt = (await node(duplicate)).supersededAt as string;
    const earlier = await request(app).get(`/api/nodes/${other}/neighbors`).query({ knownOn: mergedAt });
    expect(earlier.status).toBe(200);
    expect(earlier.body.nodes.map((n: { data: { id: string } }) => n.data.id)).toContain(duplicate);

    // History: both nodes and each moved claim.
    const keptHistory = historyResponse.parse((await request(app).get(`/api/nodes/${keep}/history`)).body);
    expect(keptHistory.changes.at(-1)).toMatchObject({ action: 'merged', username: 'local' });
    const claimHistory = historyResponse.parse(
      (await request(app).get(`/api/relationships/${dupClaims[0]!.id}/history`)).body,
    );
    expect(claimHistory.changes.at(-1)?.action).toMatch(/corrected|retracted/);
  });

  it('refuses to merge a node already merged away (404)', async () => {
    const again = await request(app)
      .post('/api/nodes/sham-legion/merge')
      .send({ duplicate: 'sham-legion-northern-hama-branch' });
    expect(again.status).toBe(404);
  });
});
