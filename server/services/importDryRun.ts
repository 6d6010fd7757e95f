/**
 * An import's dry run (issue 12, `POST /api/import?dryRun=true`, `npm run import -- --dry-run FILE`):
 * the file is checked exactly as the import checks it (schema, then importChecks.ts planImport against
 * the database: 400 INVALID_IMPORT, 409 IMPORT_CONFLICT alike), then, in the SAME read transaction,
 * what the import would create and update is counted, by the comparisons the import's own statements
 * make (a stored item differs when its properties or label differ from the row the import would write:
 * importRows.ts), and the held nodes each new node of the file may duplicate are listed
 * (matching.ts). Nothing is written: no import job, no audit entry, no lock.
 */
import type { DryRunResponse, PossibleDuplicate } from '../../contract/curation.ts';
import type { ImportFile } from '../../contract/importFile.ts';
import type { Database, Tx } from '../db/database.ts';
import { toJson } from '../db/values.ts';
import { planImport } from './importChecks.ts';
import { IMPORT_TIMEOUT_MS } from './importer.ts';
import { nodeRow, relationshipRow, sourceRow } from './importRows.ts';
import { validImportJson } from './importStream.ts';
import { validImportFile } from './importValidation.ts';
import { possibleDuplicatesOf } from './matching.ts';

/** Most possible duplicates a dry run lists; `possibleDuplicatesTruncated` says when there were more. */
export const MAX_POSSIBLE_DUPLICATES = 1_000;
/** Held nodes listed per new node of the file, best first. */
const MATCHES_PER_NODE = 5;

/**
 * What the import neither compares nor replaces on a held item (cypher/importNodes, importSources,
 * importRelationships): transaction time and curation's stamps.
 */
const NODE_STAMPS = [
  'recordedAt',
  'recordedBy',
  'changedAt',
  'changedBy',
  'supersededAt',
  'supersededBy',
  'endReason',
  'mergedInto',
];
const SOURCE_STAMPS = ['recordedAt', 'recordedBy', 'changedAt', 'changedBy'];
const CLAIM_STAMPS = ['claimId', 'recordedAt', 'recordedBy'];

/** Two property maps as the import compares them: stamps aside, equal values, integers and floats alike as JSON. */
function sameProperties(
  stored: Record<string, unknown>,
  written: Record<string, unknown>,
  stamps: readonly string[],
): boolean {
  const a = Object.fromEntries(
    Object.entries(toJson(stored) as Record<string, unknown>).filter(([k]) => !stamps.includes(k)),
  );
  const b = toJson(written) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/**
 * What importing `input` (a parsed JSON value or the bytes of an upload) would change, and the
 * possible duplicates of its new nodes (`incoming`: the file's id; `existing`: the held id). Errors:
 * as importGraph's checks (ImportRejected 400, ImportConflict 409), nothing written either way; the
 * database's.
 */
export async function dryRunImport(db: Database, input: unknown | Uint8Array): Promise<DryRunResponse> {
  const file = input instanceof Uint8Array ? await validImportJson(input) : await validImportFile(input);
  return db.read('import-dry-run', (tx) => dryRunIn(tx, file), { timeoutMs: IMPORT_TIMEOUT_MS });
}

async function dryRunIn(tx: Tx, file: ImportFile): Promise<DryRunResponse> {
  const plan = await planImport(tx, file);
  const ids = [...file.sources, ...file.nodes].map((x) => x.id);
  const held = new Map(
    (await tx.run('dryRunHeldNodes', { ids })).records.map((r) => [
      r.get('id') as string,
      { labels: r.get('labels') as string[], props: r.get('props') as Record<string, unknown> },
    ]),
  );
  const heldRelationships = new Map(
    (
      await tx.run('dryRunHeldRelationships', { rows: file.relationships.map((r) => ({ id: r.id, type: r.type })) })
    ).records.map((r) => [r.get('id') as string, r.get('props') as Record<string, unknown>]),
  );
  const changes = {
    sourcesCreated: 0,
    sourcesUpdated: 0,
    nodesCreated: 0,
    nodesUpdated: 0,
    relationshipsCreated: 0,
    relationshipsUpdated: 0,
  };
  for (const s of file.sources) {
    const stored = held.get(s.id);
    if (!stored) changes.sourcesCreated++;
    else if (
      !stored.labels.includes('Source') ||
      !sameProperties(stored.props, sourceRow(s).props as never, SOURCE_STAMPS)
    ) {
      changes.sourcesUpdated++;
    }
  }
  for (const n of file.nodes) {
    const stored = held.get(n.id);
    const row = nodeRow(n, plan.nodeTimes.get(n.id)!);
    if (!stored) changes.nodesCreated++;
    else if (!stored.labels.includes(n.label) || !sameProperties(stored.props, row.props as never, NODE_STAMPS)) {
      changes.nodesUpdated++;
    }
  }
  file.relationships.forEach((r, i) => {
    const stored = heldRelationships.get(r.id);
    if (!stored) changes.relationshipsCreated++;
    else if (!sameProperties(stored, relationshipRow(r, plan.relationshipTimes[i]!).props as never, CLAIM_STAMPS)) {
      changes.relationshipsUpdated++;
    }
  });

  // A new node's neighbours: the held nodes the file links it to (shared neighbours raise a match).
  const neighbours = new Map<string, Set<string>>();
  const fresh = file.nodes.filter((n) => !held.has(n.id));
  for (const n of fresh) neighbours.set(n.id, new Set());
  const link = (a: string, b: string) => {
    if (!neighbours.has(b)) neighbours.get(a)?.add(b);
  };
  for (const r of file.relationships) {
    link(r.source, r.target);
    link(r.target, r.source);
  }
  const possibleDuplicates: PossibleDuplicate[] = [];
  let truncated = false;
  for (const n of fresh) {
    const matches = await possibleDuplicatesOf(tx, {
      label: n.label,
      name: n.name,
      aliases: n.aliases,
      neighbours: [...neighbours.get(n.id)!],
      limit: MATCHES_PER_NODE,
    });
    for (const m of matches) {
      if (possibleDuplicates.length >= MAX_POSSIBLE_DUPLICATES) {
        truncated = true;
        break;
      }
      possibleDuplicates.push({ incoming: n.id, existing: m.existing.id, score: m.score, reasons: m.reasons });
    }
    if (truncated) break;
  }
  return { dryRun: true as const, changes, possibleDuplicates, possibleDuplicatesTruncated: truncated };
}
