/**
 * An import file checked against its schema item by item, not in one zod parse: one parse of a file of
 * a million bad items built a million issues (600 MB, seconds of the API's one thread, a 118 MB answer).
 * Item by item, checking stops after the first MAX_REPORTED_PROBLEMS problems, and the event loop is
 * given back every few thousand items, so other requests are served while a large file is checked.
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

/**
 * `input` as a valid ImportFile (defaults filled in, strings trimmed, as the schema outputs it).
 * Throws ImportRejected (400 INVALID_IMPORT) with the first `limit` problems, `detailsTruncated` when
 * the file has more.
 */
export async function validImportFile(input: unknown, limit = MAX_REPORTED_PROBLEMS): Promise<ImportFile> {
  const problems = new ProblemList(limit);
  const outline = importFileOutline.safeParse(input);
  if (!outline.success) {
    for (const issue of outline.error.issues) problems.add(z.core.toDotPath(issue.path), issue.message);
    throw new ImportRejected(problems);
  }
  const file: ImportFile = { sources: [], nodes: [], relationships: [] };
  let checked = 0;
  for (const list of ['sources', 'nodes', 'relationships'] as const) {
    const schema = importItemSchemas[list];
    const valid: unknown[] = file[list];
    for (const [i, item] of outline.data[list].entries()) {
      if (++checked % ITEMS_PER_TURN === 0) await yieldToEventLoop();
      const parsed = schema.safeParse(item);
      if (parsed.success) {
        if (problems.items.length === 0) valid.push(parsed.data); // a rejected file is not kept
        continue;
      }
      for (const issue of parsed.error.issues) problems.add(z.core.toDotPath([list, i, ...issue.path]), issue.message);
      if (problems.truncated) throw new ImportRejected(problems);
    }
  }
  if (problems.items.length > 0) throw new ImportRejected(problems);
  return file;
}
