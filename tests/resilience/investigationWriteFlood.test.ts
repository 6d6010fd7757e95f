/**
 * A flood of large investigation saves cannot take the API down. Sixteen 15 MB creates at once once took
 * the API from 484 MB to 925 MB and /api/health to 5.9 s, every body read and parsed at the same time.
 * Now a few are parsed and written at once, a few more wait unread, the rest are refused 429
 * INVESTIGATION_BUSY with Retry-After before their body is read; health answers all along; every
 * investigation answered 201 is there whole, and nothing else is. Production queue (2 running, 4
 * waiting); bodies of 5 MB in `npm test`, 15 MB in the long run.
 */
import { describe, expect, it } from 'vitest';
import { investigation, investigationList, revisionList } from '../../contract/investigation.ts';
import { servedApi } from '../support/appServer.ts';
import { documentOf } from '../support/investigations.ts';
import { httpRequest } from '../support/rawHttp.ts';
import { rounds } from '../support/resilience.ts';

const FLOOD = 16;
const NODES = 250;

const served = servedApi();

const fillerLength = (megabytes: number) => Math.floor((megabytes * 1024 * 1024) / NODES);

/** A create request of about `megabytes` MB: a snapshot of NODES nodes, each with a long property. */
function largeDocument(title: string, megabytes: number): Buffer {
  const filler = 'x'.repeat(fillerLength(megabytes));
  const nodes = Array.from({ length: NODES }, (_, i) => ({
    id: `flood-${i}`,
    label: 'Faction',
    name: `Flood ${i}`,
    summary: filler,
  }));
  return Buffer.from(JSON.stringify(documentOf({ nodes, edges: [] }, title)));
}

describe.each(Array.from({ length: rounds(1, 3) }, (_, i) => i + 1))(
  'sixteen large saves at once (round %i)',
  (round) => {
    it('answers each 201 or 429 with Retry-After, while health keeps answering, and writes each 201 whole', async () => {
      const title = `Flood round ${round}`;
      const body = largeDocument(title, rounds(5, 15));
      let done = false;
      const saves = Promise.all(
        Array.from({ length: FLOOD }, () =>
          httpRequest(served.url(), {
            method: 'POST',
            path: '/api/investigations',
            headers: { 'Content-Type': 'application/json' },
            body,
          }),
        ),
      ).finally(() => {
        done = true;
      });
      const health: number[] = [];
      do health.push((await fetch(`${served.url()}/api/health`)).status);
      while (!done);
      const answers = await saves;

      for (const answer of answers) {
        expect([201, 429], answer.text.slice(0, 300)).toContain(answer.status);
        if (answer.status === 429) {
          expect(answer.json().error.code).toBe('INVESTIGATION_BUSY');
          expect(answer.headers['retry-after']).toMatch(/^\d+$/);
        }
      }
      const created = answers.filter((a) => a.status === 201).map((a) => investigation.parse(JSON.parse(a.text)));
      expect(created.length).toBeGreaterThan(0);
      expect(created.length).toBeLessThan(FLOOD);
      expect(health.length).toBeGreaterThanOrEqual(2);
      expect(health.every((status) => status === 200)).toBe(true);

      // Nothing half-written: exactly the investigations answered 201, each whole, at one revision.
      const listed = await fetch(`${served.url()}/api/investigations?q=${encodeURIComponent(title)}`);
      const mine = investigationList.parse(await listed.json()).investigations.filter((i) => i.title === title);
      expect(mine.map((i) => i.id).sort()).toEqual(created.map((c) => c.id).sort());
      for (const { id } of mine) {
        const read = investigation.parse(await (await fetch(`${served.url()}/api/investigations/${id}`)).json());
        expect(read.nodes).toBe(NODES);
        expect(read.snapshot.nodes.map((n) => (n.summary as string).length)).toEqual(
          Array(NODES).fill(fillerLength(rounds(5, 15))),
        );
        const revisions = await (await fetch(`${served.url()}/api/investigations/${id}/revisions`)).json();
        expect(revisionList.parse(revisions).revisions.map((r) => r.n)).toEqual([1]);
      }
    });
  },
);
