/**
 * SAME_AS (issue 12): POST /api/nodes/:id/same-as links two held nodes of one label as one entity, a
 * claim like any other: cited, graded, stamped with who recorded it and when, in history and drawn on
 * the canvas; refused without a source, between labels, or twice.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { curationResponse, historyResponse } from '../../contract/curation.ts';
import { seededApp } from '../support/fixtures.ts';

const { db, app } = seededApp();

describe('POST /api/nodes/:id/same-as', () => {
  it('records a cited, graded SAME_AS claim with its stamps, history and audit entry', async () => {
    const response = await request(app)
      .post('/api/nodes/jaysh-al-nasr/same-as')
      .send({ other: 'fatah-halab', sources: ['ref-12'], credibility: 5 });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const { id, recordedAt } = curationResponse.parse(response.body);
    const [row] = await db.runAdmin(
      `MATCH (a:Entity {id: 'jaysh-al-nasr'})-[r:SAME_AS]->(b:Entity {id: 'fatah-halab'})
       RETURN properties(r) AS p`,
    );
    expect(row?.p).toMatchObject({ id, claimId: id, sources: ['ref-12'], recordedAt, recordedBy: 'local' });
    expect(Number((row!.p as { credibility: unknown }).credibility)).toBe(5);
    const history = historyResponse.parse((await request(app).get(`/api/relationships/${id}/history`)).body);
    expect(history.changes).toHaveLength(1);
    expect(history.changes[0]).toMatchObject({ action: 'recorded', username: 'local', sources: ['ref-12'] });
    const [audit] = await db.runAdmin(`MATCH (a:AuditEntry {action: 'node.sameAs'}) RETURN a.ids AS ids`);
    expect(audit?.ids).toEqual([id, 'jaysh-al-nasr', 'fatah-halab']);
    const neighbours = await request(app).get('/api/nodes/jaysh-al-nasr/neighbors').query({ types: 'SAME_AS' });
    expect(neighbours.body.edges.map((e: { data: { id: string } }) => e.data.id)).toEqual([id]);
  });

  it('refuses a second link between the same two nodes, either way round (409)', async () => {
    const again = await request(app)
      .post('/api/nodes/fatah-halab/same-as')
      .send({ other: 'jaysh-al-nasr', sources: ['ref-12'] });
    expect(again.status).toBe(409);
  });

  it('refuses a link without a source, to an unknown source, between labels, or to itself (400)', async () => {
    const post = (id: string, body: object) => request(app).post(`/api/nodes/${id}/same-as`).send(body);
    const noSource = await post('turkey', { other: 'free-syrian-army', sources: [] });
    expect(noSource.status).toBe(400);
    expect(JSON.stringify(noSource.body)).toMatch(/at least one source/);
    expect((await post('turkey', { other: 'free-syrian-army', sources: ['no-such'] })).status).toBe(400);
    expect((await post('turkey', { other: 'murak', sources: ['ref-12'] })).status).toBe(400);
    expect((await post('turkey', { other: 'turkey', sources: ['ref-12'] })).status).toBe(400);
    expect((await post('turkey', { other: 'nowhere', sources: ['ref-12'] })).status).toBe(404);
  });
});
