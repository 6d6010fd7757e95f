/**
 * The import pipeline: validate a whole file (schema, then cross-references against the file and the
 * database), then write it in ONE write transaction as UNWIND batches, so that either everything
 * lands or nothing does. MERGE on id makes a second import of the same file a no-op.
 */
import {
  checkImportFile,
  describeZodIssues,
  importFile,
  type ImportFile,
  type ImportProblem,
} from '../../contract/importFile.ts';
import type { ImportResponse } from '../../contract/api.ts';
import type { GraphLabel } from '../../contract/model.ts';
import type { Database, Tx } from '../db/database.ts';
import { modelLabel } from '../db/values.ts';
import { AppError } from '../errors.ts';
import { searchKeys, sourceSearchKeys } from './nameFolding.ts';

/** Rows per UNWIND statement: large enough to be fast, small enough to keep each statement's memory flat. */
export const BATCH_SIZE = 2_000;

/** An import is one transaction however large the file, so it gets far longer than a read's timeout. */
export const IMPORT_TIMEOUT_MS = 30 * 60_000;

export type ProgressListener = (done: number, total: number) => void;

export class ImportRejected extends AppError {
  constructor(problems: ImportProblem[]) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
    const where = first?.path || '(the file itself)';
    super(400, 'INVALID_IMPORT', `Import rejected, nothing written: ${where}: ${first?.message}${more}`, {
      details: problems,
    });
  }
}

/** Schema and cross-reference checks; throws ImportRejected with every problem found. */
export async function validateImport(db: Database, input: unknown): Promise<ImportFile> {
  const parsed = importFile.safeParse(input);
  if (!parsed.success) throw new ImportRejected(describeZodIssues(parsed.error));
  const file = parsed.data;

  const inFile = new Map<string, GraphLabel | 'Source'>();
  for (const s of file.sources) inFile.set(s.id, 'Source');
  for (const n of file.nodes) inFile.set(n.id, n.label);
  const referenced = new Set<string>([...inFile.keys()]);
  for (const r of file.relationships) {
    for (const id of [r.source, r.target, ...r.sources]) referenced.add(id);
  }
  for (const n of file.nodes) {
    for (const id of n.sources) referenced.add(id);
  }

  // Part of the import, so under its timeout: a large file looks up many ids.
  const [existing, existingRelationships] = await db.read(
    'import-check',
    async (tx) => [
      await tx.run('labelsOfIds', { ids: [...referenced] }),
      await tx.run('importKnownRelationships', { ids: file.relationships.map((r) => r.id) }),
    ],
    { timeoutMs: IMPORT_TIMEOUT_MS },
  );
  const inDatabase = new Map<string, GraphLabel | 'Source'>(
    existing.records.map((r) => [
      r.get('id') as string,
      modelLabel(r.get('labels') as string[]) as GraphLabel | 'Source',
    ]),
  );
  const relationshipsInDatabase = new Map(
    existingRelationships.records.map((r) => [
      r.get('id') as string,
      r.toObject() as { type: string; source: string; target: string },
    ]),
  );

  const problems = checkImportFile(file, { labelOf: (id) => inDatabase.get(id) });
  const relabel = (id: string, label: string, path: string) => {
    const current = inDatabase.get(id);
    if (current && current !== label)
      problems.push({ path, message: `id "${id}" is already a ${current} in the database` });
  };
  file.sources.forEach((s, i) => {
    relabel(s.id, 'Source', `sources[${i}].id`);
  });
  file.nodes.forEach((n, i) => {
    relabel(n.id, n.label, `nodes[${i}].id`);
  });
  // A relationship is updated in place only when it keeps its type and its ends; anything else would
  // leave two relationships under one id (or break the id constraint half-way through the write).
  file.relationships.forEach((r, i) => {
    const held = relationshipsInDatabase.get(r.id);
    if (held && (held.type !== r.type || held.source !== r.source || held.target !== r.target)) {
      problems.push({
        path: `relationships[${i}].id`,
        message: `id "${r.id}" is already a ${held.type} from "${held.source}" to "${held.target}" in the database`,
      });
    }
  });
  if (problems.length) throw new ImportRejected(problems);
  return file;
}

/** Validate, then write everything in one transaction. */
export async function importGraph(
  db: Database,
  input: unknown,
  onProgress?: ProgressListener,
): Promise<ImportResponse> {
  const file = await validateImport(db, input);
  const total = file.sources.length + file.nodes.length + file.relationships.length;
  const changes = await db.write(
    'import',
    async (tx) => {
      // Counted afresh in every attempt: after a transient error the driver runs this function again.
      const counted = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 };
      let done = 0;
      const batches: Array<[Parameters<Tx['run']>[0], Record<string, unknown>[]]> = [
        ['importSources', file.sources.map(sourceRow)],
        ['importNodes', file.nodes.map(nodeRow)],
        ['importRelationships', file.relationships.map(relationshipRow)],
      ];
      for (const [query, rows] of batches) {
        for (let i = 0; i < rows.length; i += BATCH_SIZE) {
          const batch = rows.slice(i, i + BATCH_SIZE);
          const result = await tx.run(query, { rows: batch });
          const c = result.summary.counters.updates();
          counted.nodesCreated += c.nodesCreated;
          counted.relationshipsCreated += c.relationshipsCreated;
          counted.propertiesSet += c.propertiesSet;
          counted.labelsAdded += c.labelsAdded;
          done += batch.length;
          onProgress?.(done, total);
        }
      }
      return counted;
    },
    { timeoutMs: IMPORT_TIMEOUT_MS },
  );

  return { sources: file.sources.length, nodes: file.nodes.length, relationships: file.relationships.length, changes };
}

/** A source is searched by its title, author and publisher, folded like names (nameFolding.ts). */
function sourceRow(source: ImportFile['sources'][number]) {
  const props = withoutUndefined({ ...source, searchKeys: sourceSearchKeys(source) });
  return { id: source.id, props };
}

function nodeRow(node: ImportFile['nodes'][number]) {
  const { label, ...rest } = node;
  const props = withoutUndefined({ ...rest, searchKeys: searchKeys([node.name, ...node.aliases]) });
  return { id: node.id, label, props };
}

function relationshipRow(rel: ImportFile['relationships'][number]) {
  const { source, target, type, ...rest } = rel;
  return { id: rel.id, source, target, type, props: withoutUndefined(rest) };
}

/** Neo4j stores no nulls, so absent optional fields are left out rather than written as null. */
function withoutUndefined<T extends object>(record: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null));
}
