/**
 * `npm run import -- --bulk FILE.json` (server/cli/import.ts hands it here): the bulk path of
 * bulkImport.ts with a line per stage on stderr and a summary as JSON on stdout.
 * Exit codes: 0 imported, 1 refused (not the local database, running elsewhere, not empty; a file with
 * problems, every one listed) or failed, 2 bad usage or an unreadable file.
 */
import { userInfo } from 'node:os';
import { loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { bulkImport } from './bulkImport.ts';

export async function bulkCommand(path: string | undefined): Promise<number> {
  if (!path) {
    process.stderr.write('usage: npm run import -- --bulk FILE.json   (into an empty local database)\n');
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const summary = await bulkImport({
      path,
      config: loadConfig(),
      actor: { username: `cli:${userInfo().username}`, address: 'command line' },
      log,
    });
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      log(`Cannot read ${path}`);
      return 2;
    }
    if (error instanceof AppError) {
      log(`${error.code}: ${error.message}`);
      for (const p of error.details ?? []) {
        log(`  ${p.path}: ${p.message}`);
      }
      return 1;
    }
    log(`Bulk import failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
