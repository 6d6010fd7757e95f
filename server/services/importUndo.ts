/**
 * What a batch of a batched import changed, kept so the import can be rolled back (importRollback.ts):
 * the ids it created, and every item it was about to overwrite as it was. Neo4j stores no maps, so the
 * record is a JSON string on the batch's :ImportBatch node; JSON has one number type, so Neo4j
 * INTEGERs are tagged (`{"$int": "7"}`) and come back as INTEGERs, floats as floats: a rollback
 * restores each property with its type, as the import's own "changed?" test compares them.
 */
import { createHash } from 'node:crypto';
import neo4j, { type Integer } from 'neo4j-driver';
import type { Tx } from '../db/database.ts';

/** An item as it was before a batch: a node or source (with its labels) or a relationship (with its type). */
export interface BeforeImage {
  id: string;
  /** Node labels; absent for a relationship. */
  labels?: string[];
  /** Relationship type; absent for a node. */
  type?: string;
  props: Record<string, unknown>;
}

/** One batch's undo record: the ids it created, and the items it overwrote as they were. */
export interface BatchUndo {
  createdNodes: string[];
  createdRelationships: Array<{ id: string; type: string }>;
  before: BeforeImage[];
  /** Each item as the batch left it (digestsNow), so a rollback can tell what later writes changed. */
  after?: Record<string, string>;
  /** Stored relationships outside the file that the import re-timed (batch -1 only), by elementId. */
  retimed?: Array<{ elementId: string; validFrom: string; validTo: string }>;
}

/** Reads, before a batch writes, what it will overwrite; and derives what it will create. */
export async function beforeBatch(
  tx: Tx,
  nodeIds: string[],
  relationships: Array<{ id: string; type: string }>,
): Promise<BatchUndo> {
  const before = await readImages(tx, nodeIds, relationships);
  const held = new Set(before.map((b) => b.id));
  return {
    createdNodes: nodeIds.filter((id) => !held.has(id)),
    createdRelationships: relationships.filter((r) => !held.has(r.id)),
    before,
  };
}

/**
 * A digest of each of these items as stored now (id → SHA-1 of its labels or type and its
 * properties, keys sorted, INTEGERs tagged): kept after a batch writes, and compared again by a
 * rollback, which leaves alone whatever a later write changed.
 */
export async function digestsNow(
  tx: Tx,
  nodeIds: string[],
  relationships: Array<{ id: string; type: string }>,
): Promise<Record<string, string>> {
  const images = await readImages(tx, nodeIds, relationships);
  return Object.fromEntries(images.map((image) => [image.id, digest(image)]));
}

function digest({ labels, type, props }: BeforeImage): string {
  const sorted = Object.fromEntries(Object.entries(props).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return createHash('sha1')
    .update(
      encodeUndo({
        createdNodes: [],
        createdRelationships: [],
        before: [{ id: '', labels: labels && [...labels].sort(), type, props: sorted }],
      }),
    )
    .digest('base64');
}

async function readImages(
  tx: Tx,
  nodeIds: string[],
  relationships: Array<{ id: string; type: string }>,
): Promise<BeforeImage[]> {
  const images: BeforeImage[] = [];
  if (nodeIds.length) {
    for (const r of (await tx.run('importBeforeNodes', { ids: nodeIds })).records) {
      images.push({ id: r.get('id'), labels: r.get('labels'), props: r.get('props') });
    }
  }
  if (relationships.length) {
    for (const r of (await tx.run('importBeforeRelationships', { rows: relationships })).records) {
      images.push({ id: r.get('id'), type: r.get('type'), props: r.get('props') });
    }
  }
  return images;
}

/** The undo record as stored: JSON with INTEGERs tagged. */
export function encodeUndo(undo: BatchUndo): string {
  return JSON.stringify(undo, (_key, value: unknown) =>
    neo4j.isInt(value) ? { $int: (value as Integer).toString() } : value,
  );
}

/** The undo record read back, INTEGERs as the driver's Integer again. */
export function decodeUndo(text: string): BatchUndo {
  return JSON.parse(text, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && '$int' in value && Object.keys(value).length === 1
      ? neo4j.int((value as { $int: string }).$int)
      : value,
  ) as BatchUndo;
}
