/**
 * The API's reads done through the raw driver: the same Cypher the services run (cypher/*.cypher via
 * server/db/cypher.ts), with the same parameters and the same sequence of statements in one read
 * transaction, values converted minimally (a node or relationship to its properties, integers to
 * numbers by the driver). What the API adds on top (HTTP, routing, validation, server/db/values.ts,
 * JSON) is the difference the benchmark reports.
 */
import neo4j, { type Driver, type ManagedTransaction, type Node, type Record as Neo4jRecord } from 'neo4j-driver';
import { cypher } from '../../server/db/cypher.ts';
import { arabicLuceneQuery, luceneQuery, SOURCE_WEIGHT } from '../../server/services/search.ts';

export type RawWork = () => Promise<unknown>;

/** A driver that returns plain numbers (no Integer objects): the cheapest conversion there is. */
export function rawDriver(uri: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic('neo4j', password), { disableLosslessIntegers: true });
}

const props = (value: unknown) => (value as Node).properties;

function read<T>(driver: Driver, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
  return session.executeRead(work).finally(() => session.close());
}

const rows = (records: Neo4jRecord[], convert: (r: Neo4jRecord) => unknown) => records.map(convert);

export function rawSearch(driver: Driver, text: string, limit = 10): RawWork {
  const params = {
    query: luceneQuery(text),
    arabicQuery: arabicLuceneQuery(text),
    sourceWeight: SOURCE_WEIGHT,
    limit: neo4j.int(limit),
    knownUntil: null,
  };
  return () =>
    read(driver, async (tx) => rows((await tx.run(cypher('searchByName'), params)).records, (r) => r.toObject()));
}

/** The neighbourhood expansion, statement by statement as server/services/graph.ts runs it. */
export function rawExpand(driver: Driver, id: string, query: { depth: number; limit: number; asOf?: string }): RawWork {
  return () =>
    read(driver, async (tx) => {
      const start = (await tx.run(cypher('nodeWithSources'), { id, knownUntil: null })).records[0];
      if (!start) throw new Error(`no node ${id}`);
      const nodes = new Map<string, unknown>([[id, props(start.get('node'))]]);
      let frontier = [id];
      let truncated = false;
      for (let step = 0; step < query.depth && frontier.length > 0 && !truncated; step++) {
        const result = await tx.run(cypher('expandNeighbourhood'), {
          frontier,
          types: null,
          labels: null,
          asOf: query.asOf ?? null,
          knownUntil: null,
          rowCap: neo4j.int(query.limit + 1),
        });
        const next: string[] = [];
        for (const record of result.records) {
          const n = props(record.get('neighbour'));
          const nid = n.id as string;
          if (nodes.has(nid)) continue;
          if (nodes.size >= query.limit) {
            truncated = true;
            break;
          }
          nodes.set(nid, n);
          next.push(nid);
        }
        frontier = next;
      }
      const edges = await tx.run(cypher('relationshipsAmong'), {
        ids: [...nodes.keys()],
        types: null,
        asOf: query.asOf ?? null,
        knownUntil: null,
      });
      return {
        nodes: [...nodes.values()],
        edges: edges.records.map((r) => ({
          ...props(r.get('relationship')),
          source: r.get('source'),
          target: r.get('target'),
        })),
        truncated,
      };
    });
}

export function rawPaths(driver: Driver, from: string, to: string): RawWork {
  return () =>
    read(driver, async (tx) => {
      await tx.run(cypher('nodesExist'), { ids: [from, to] });
      const result = await tx.run(cypher('shortestPaths'), {
        from,
        to,
        maxLength: neo4j.int(4),
        types: null,
        asOf: null,
        knownUntil: null,
        limit: neo4j.int(11),
      });
      return rows(result.records, (r) => ({
        nodes: (r.get('nodes') as Node[]).map((n) => n.properties),
        relationships: (r.get('relationships') as Array<{ relationship: Node }>).map((x) => ({
          ...x,
          relationship: x.relationship.properties,
        })),
      }));
    });
}

export function rawLineage(driver: Driver, id: string): RawWork {
  return () =>
    read(driver, async (tx) => {
      await tx.run(cypher('factionById'), { id, knownUntil: null });
      const result = await tx.run(cypher('mergerLineage'), { id, depth: neo4j.int(3), asOf: null, knownUntil: null });
      return rows(result.records, (r) => ({
        root: props(r.get('root')),
        nodes: (r.get('nodes') as Node[]).map((n) => n.properties),
        relationships: (r.get('relationships') as Array<{ relationship: Node }>).map((x) => ({
          ...x,
          relationship: x.relationship.properties,
        })),
        memberMergers: r.get('memberMergers'),
      }));
    });
}

/** An analyst's console query run as is in a read transaction. */
export function rawConsole(driver: Driver, query: string, params: Record<string, unknown>): RawWork {
  return () => read(driver, async (tx) => rows((await tx.run(query, params)).records, (r) => r.toObject()));
}
