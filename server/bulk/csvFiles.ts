/**
 * An import file, checked and planned (importChecks.ts planImport), as the CSV files neo4j-admin's
 * importer reads: one node file per label, one relationship file per type, each with a typed header
 * (csvColumns.ts). The properties are those the normal import stores (importRows.ts): the record's
 * fields without nulls, its search keys (nameFolding.ts) and its planned valid time.
 *
 * Encoding (RFC 4180, as the importer reads it): every value quoted, quotes doubled; an absent value
 * is an empty, unquoted cell, which the importer stores as no property; arrays joined by
 * ARRAY_DELIMITER (U+001F, the ASCII unit separator, which no name needs). Two things CSV cannot say
 * are handed back instead: which nodes hold an empty list (the importer stores none; the normal
 * import stores []), and whether any value spans lines (the importer must then be told so).
 * Files are written in chunks of about a megabyte, never as one string.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFile } from '../../contract/importFile.ts';
import type { ValidTime } from '../../contract/validTime.ts';
import { AppError } from '../errors.ts';
import type { ImportPlan } from '../services/importChecks.ts';
import { searchKeys, sourceSearchKeys } from '../services/nameFolding.ts';
import { ChunkedFile } from './chunkedFile.ts';
import { type Column, headerCell, NODE_COLUMNS, RELATIONSHIP_COLUMNS } from './csvColumns.ts';

/** Between the elements of an array value; `--array-delimiter=U+001F`. Also between a node's labels. */
export const ARRAY_DELIMITER = '\u001f';
export const ARRAY_DELIMITER_OPTION = 'U+001F';

/** A node whose stored lists include empty ones, which the bulk path sets after the import. */
export interface EmptyLists {
  id: string;
  aliases: boolean;
  searchKeys: boolean;
}

export interface CsvFiles {
  /** Node files and relationship files, each with its header as its first line. */
  nodes: string[];
  relationships: string[];
  /** Whether any value holds a line break (`--multiline-fields=true`, slower, only when needed). */
  multiline: boolean;
  emptyLists: EmptyLists[];
  bytes: number;
}

/** One CSV file written as it is filled. */
class CsvFile {
  private readonly file: ChunkedFile;
  multiline = false;

  /** `lead`: the header's special columns before the properties; `nodes`: a node file, whose `id` is its `:ID`. */
  constructor(
    readonly path: string,
    private readonly columns: Column[],
    lead: string[],
    nodes: boolean,
  ) {
    this.file = new ChunkedFile(path);
    this.push([...lead, ...columns.map((c) => headerCell(c, nodes && c.key === 'id'))].join(','));
  }

  /** One row: the lead cells (already encoded), then each column's value from `props`. */
  row(leadCells: string[], props: Record<string, unknown>, where: string): void {
    const cells = [...leadCells];
    for (const column of this.columns) cells.push(this.cell(column, props[column.key], where));
    this.push(cells.join(','));
  }

  /** Bytes written so far (UTF-8). */
  get bytes(): number {
    return this.file.bytes;
  }

  close(): void {
    this.file.close();
  }

  quoted(text: string): string {
    if (!this.multiline && /[\r\n]/.test(text)) this.multiline = true;
    return `"${text.replaceAll('"', '""')}"`;
  }

  private cell(column: Column, value: unknown, where: string): string {
    if (value === undefined || value === null) return '';
    if (column.type === 'string[]') {
      const items = value as string[];
      for (const [j, item] of items.entries()) {
        if (item.includes(ARRAY_DELIMITER)) {
          throw new AppError(
            400,
            'BULK_UNSUPPORTED',
            `${where}.${column.key}[${j}] holds the character U+001F, which the bulk path uses between list items; use the normal import`,
          );
        }
      }
      return items.length ? this.quoted(items.join(ARRAY_DELIMITER)) : '';
    }
    if (column.type === 'long') return String(value);
    return this.quoted(String(value));
  }

  private push(line: string): void {
    this.file.write(`${line}\n`);
  }
}

/** Writes `file`'s CSV files into `dir` (created). Throws 400 BULK_UNSUPPORTED for a list item holding U+001F. */
export function writeCsvFiles(file: ImportFile, plan: ImportPlan, dir: string): CsvFiles {
  mkdirSync(dir, { recursive: true });
  const nodeFiles = new Map<string, CsvFile>();
  const nodeFile = (label: keyof typeof NODE_COLUMNS) => {
    let csv = nodeFiles.get(label);
    if (!csv) {
      csv = new CsvFile(join(dir, `nodes-${label}.csv`), NODE_COLUMNS[label], [':LABEL'], true);
      nodeFiles.set(label, csv);
    }
    return csv;
  };
  const emptyLists: EmptyLists[] = [];
  const noteEmpty = (id: string, props: { aliases?: unknown; searchKeys?: unknown }) => {
    const aliases = Array.isArray(props.aliases) && props.aliases.length === 0;
    const keys = Array.isArray(props.searchKeys) && props.searchKeys.length === 0;
    if (aliases || keys) emptyLists.push({ id, aliases, searchKeys: keys });
  };

  for (const [i, source] of file.sources.entries()) {
    const props = { ...source, searchKeys: sourceSearchKeys(source) };
    const csv = nodeFile('Source');
    csv.row([labels('Source')], props, `sources[${i}]`);
    noteEmpty(source.id, props);
  }
  for (const [i, node] of file.nodes.entries()) {
    const lifetime: ValidTime = plan.nodeTimes.get(node.id)!;
    const props = { ...node, searchKeys: searchKeys([node.name, ...node.aliases]), ...lifetime };
    const csv = nodeFile(node.label);
    csv.row([labels(node.label)], props, `nodes[${i}]`);
    noteEmpty(node.id, props);
  }

  const relationshipFiles = new Map<string, CsvFile>();
  for (const [i, rel] of file.relationships.entries()) {
    let csv = relationshipFiles.get(rel.type);
    if (!csv) {
      const lead = [':START_ID', ':END_ID', ':TYPE'];
      csv = new CsvFile(join(dir, `relationships-${rel.type}.csv`), RELATIONSHIP_COLUMNS, lead, false);
      relationshipFiles.set(rel.type, csv);
    }
    const props = { ...rel, ...plan.relationshipTimes[i]! };
    csv.row([csv.quoted(rel.source), csv.quoted(rel.target), rel.type], props, `relationships[${i}]`);
  }

  const all = [...nodeFiles.values(), ...relationshipFiles.values()];
  for (const csv of all) csv.close();
  return {
    nodes: [...nodeFiles.values()].map((f) => f.path),
    relationships: [...relationshipFiles.values()].map((f) => f.path),
    multiline: all.some((f) => f.multiline),
    emptyLists,
    bytes: all.reduce((sum, f) => sum + f.bytes, 0),
  };
}

/** A node's labels in the `:LABEL` cell: every node is also :Entity (cypher/schema.cypher). */
const labels = (label: string) => `Entity${ARRAY_DELIMITER}${label}`;
