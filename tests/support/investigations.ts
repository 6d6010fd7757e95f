/**
 * What the investigation tests share: a document as the client would save it, drawn from the real
 * seeded database (Jaysh al-Nasr's neighbourhood, fetched through the API as the canvas would), and
 * small wrappers over the investigation routes that check the answers against the contract.
 */
import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { elements } from '../../contract/api.ts';
import {
  investigation,
  investigationList,
  type Investigation,
  type InvestigationDocumentInput,
  type InvestigationSummary,
} from '../../contract/investigation.ts';

export const NASR = 'jaysh-al-nasr';

/** The elements of a node's neighbourhood as exploration answers them (what the canvas draws). */
export async function drawnNeighbourhood(app: Express, id = NASR) {
  const response = await request(app).get(`/api/nodes/${id}/neighbors`).query({ depth: 1 }).expect(200);
  const { nodes, edges } = elements.parse(response.body);
  return { nodes: nodes.map((n) => n.data), edges: edges.map((e) => e.data) };
}

/** A document an analyst could save: a view with provenance, a note, a console query, and the snapshot. */
export function documentOf(
  snapshot: { nodes: { id: string }[]; edges: { id: string }[] },
  title = 'Jaysh al-Nasr and its allies',
): InvestigationDocumentInput {
  const at = '2026-01-05T10:00:00.000Z';
  const nodeIds = snapshot.nodes.map((n) => n.id);
  return {
    title,
    description: 'Who merged into the coalition, and when',
    view: {
      recipe: {
        added: [NASR],
        expansions: [{ id: NASR, depth: 1, direction: 'both', types: null, limit: null }],
        paths: [],
        lineage: null,
        removed: [],
        hidden: [],
        pinned: [NASR],
        asOf: null,
        hiddenLabels: [],
        hiddenTypes: [],
        layout: 'fcose',
        focus: NASR,
        pageSize: 25,
        knownOn: null,
        minReliability: null,
        minCredibility: null,
      },
      positions: Object.fromEntries(nodeIds.map((id, i) => [id, { x: i * 10, y: 3 - i * 5.5 }])),
      viewport: { zoom: 1.25, pan: { x: 12, y: -3 } },
      selection: [NASR],
      compare: null,
      base: { nodes: [], edges: [] },
      steps: [
        { kind: 'search', id: 's1', at, text: 'Jaysh al-Nasr', node: NASR },
        {
          kind: 'expansion',
          id: 's2',
          at,
          expansion: { id: NASR, depth: 1, direction: 'both', types: null, limit: null },
        },
      ],
      provenance: Object.fromEntries(nodeIds.map((id) => [id, id === NASR ? ['s1'] : ['s2']])),
    },
    annotations: [
      {
        id: 'a1',
        target: { kind: 'node', id: NASR },
        text: 'Check the **merger** date',
        createdAt: at,
        updatedAt: at,
      },
    ],
    queries: [{ text: 'MATCH (n:Faction) RETURN count(n)', params: {}, at, rows: 1 }],
    snapshot: snapshot as InvestigationDocumentInput['snapshot'],
  };
}

/** Creates an investigation through the API (201) and answers it, checked against the contract. */
export async function createThrough(app: Express, body: object): Promise<Investigation> {
  const response = await request(app).post('/api/investigations').send(body);
  expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(201);
  return investigation.parse(response.body);
}

/** GET /api/investigations/:id, expecting 200. */
export async function getThrough(app: Express, id: string): Promise<Investigation> {
  const response = await request(app).get(`/api/investigations/${id}`);
  expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(200);
  return investigation.parse(response.body);
}

/** PUT /api/investigations/:id with the whole document and the version it started from; the raw response. */
export function saveThrough(app: Express, id: string, document: object, version: number) {
  return request(app)
    .put(`/api/investigations/${id}`)
    .send({ ...document, version });
}

/** The list (or the bin, `deleted`), optionally searched. */
export async function listThrough(
  app: Express,
  query: { q?: string; deleted?: 'true' | 'false' } = {},
): Promise<InvestigationSummary[]> {
  const response = await request(app).get('/api/investigations').query(query).expect(200);
  return investigationList.parse(response.body).investigations;
}
