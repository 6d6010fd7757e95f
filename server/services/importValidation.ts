/**
 * An import file checked against its schema item by item, not in one zod parse: one parse of a file of
 * a million bad items built a million issues (600 MB, seconds of the API's one thread, a 118 MB answer).
 * Item by item, checking stops after the first MAX_REPORTED_PROBLEMS problems, and the event loop is
 * given back every few thousand items, so other requests are served while a large file is checked.
 * Files sent over HTTP arrive as bytes and are parsed as they are checked (importStream.ts).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { z } from 'zod';
import {
  type ImportFile,
  importFileOutline,
  importItemSchemas,
  MAX_REPORTED_PROBLEMS,
  ProblemList,
} from '../../contract/importFile.ts';
import { ImportRejected } from './importChecks.ts';

/** Items checked between two yields to the event loop (about 10 ms of work). */
const ITEMS_PER_TURN = 2_000;

export type ImportList = keyof typeof importItemSchemas;
export const IMPORT_LISTS = Object.keys(importItemSchemas) as ImportList[];

/**
 * Checks items one at a time into a file: valid items are kept (as the schema outputs them) until the
 * first problem, after which nothing more is kept; problems go into `problems`, capped.
 */
export class ItemChecker {
  readonly file: ImportFile = { sources: [], nodes: [], relationships: [] };
  constructor(readonly problems: ProblemList) {}

  check(list: ImportList, index: number, item: unknown): void {
    const parsed = importItemSchemas[list].safeParse(item);
    if (parsed.success) {
      if (this.problems.items.length === 0) (this.file[list] as unknown[]).push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      this.problems.add(z.core.toDotPath([list, index, ...issue.path]), issue.message);
    }
  }

  /** The file when it had no problem; else throws ImportRejected with them. */
  result(): ImportFile {
    if (this.problems.items.length > 0) throw new ImportRejected(this.problems);
    return this.file;
  }
}

/**
 * `input` (a parsed JSON value) as a valid ImportFile (defaults filled in, strings trimmed, as the
 * schema outputs it). Throws ImportRejected (400 INVALID_IMPORT) with the first `limit` problems,
 * `detailsTruncated` when the file has more.
 */
export async function validImportFile(input: unknown, limit = MAX_REPORTED_PROBLEMS): Promise<ImportFile> {
  const checker = new ItemChecker(new ProblemList(limit));
  const outline = importFileOutline.safeParse(input);
  if (!outline.success) {
    for (const issue of outline.error.issues) checker.problems.add(z.core.toDotPath(issue.path), issue.message);
    return checker.result();
  }
  let checked = 0;
  for (const list of IMPORT_LISTS) {
    for (const [i, item] of outline.data[list].entries()) {
      if (++checked % ITEMS_PER_TURN === 0) await yieldToEventLoop();
      checker.check(list, i, item);
      if (checker.problems.truncated) return checker.result();
    }
  }
  return checker.result();
}
