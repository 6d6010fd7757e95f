/**
 * The import dialog's words (issue 11), pure so unit tests read them: a job's status and progress, what
 * a small file held and changed, what a finished job did, which of a job's actions the user is offered.
 * Numbers are grouped the English way ("48,002"), as the rest of the page writes them.
 */
import type { ImportResponse } from '../../../contract/api.ts';
import type { ImportJob } from '../../../contract/importJob.ts';

const number = (n: number) => n.toLocaleString('en');

/** "1 node", "4 nodes", "1,234 relationships", "2 properties". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${number(n)} ${n === 1 ? one : many}`;
}

/**
 * A job's status in words: running, cut off — waiting to be resumed, done, failed, rolling back,
 * rolled back. A rollback cut off says so too: rolling it back again finishes it.
 */
export function statusWords(job: Pick<ImportJob, 'status' | 'interrupted'>): string {
  switch (job.status) {
    case 'running':
      return job.interrupted ? 'cut off — waiting to be resumed' : 'running';
    case 'done':
      return 'done';
    case 'failed':
      return 'failed';
    case 'rollingBack':
      return job.interrupted ? 'rolling back — cut off, roll back again to finish' : 'rolling back';
    case 'rolledBack':
      return 'rolled back';
  }
}

/** "12,000 of 48,002 items" (sources, nodes and relationships committed of the file's total). */
export function progressText(done: number, total: number): string {
  return `${number(done)} of ${counted(total, 'item')}`;
}

/** Whether the server is still working on the job (worth polling): running or rolling back, not cut off. */
export function isActive(job: Pick<ImportJob, 'status' | 'interrupted'>): boolean {
  return (job.status === 'running' || job.status === 'rollingBack') && !job.interrupted;
}

/** Resume is offered for a job cut off while being written (the server resumes only those). */
export function canResume(job: Pick<ImportJob, 'status' | 'interrupted'>): boolean {
  return job.status === 'running' && job.interrupted;
}

/**
 * Roll back is offered for a job that is done, failed or cut off (also a rollback cut off), and only to
 * whoever ran it or an admin: the server refuses everyone else (403).
 */
export function canRollBack(
  job: Pick<ImportJob, 'status' | 'interrupted' | 'by'>,
  username: string,
  admin: boolean,
): boolean {
  const ended = job.status === 'done' || job.status === 'failed';
  const cutOff = (job.status === 'running' || job.status === 'rollingBack') && job.interrupted;
  return (ended || cutOff) && (admin || job.by === username);
}

/** "4 nodes, 3 relationships, 1 source": what a file held. */
export function heldWords(summary: Pick<ImportResponse, 'nodes' | 'relationships' | 'sources'>): string {
  return [
    counted(summary.nodes, 'node'),
    counted(summary.relationships, 'relationship'),
    counted(summary.sources, 'source'),
  ].join(', ');
}

/**
 * What the database says an import changed: "5 nodes and sources created, 3 relationships created,
 * 27 properties set" (a source is a node too, so the two are counted together), or that it already
 * held all of it (the same file imported again).
 */
export function changedWords(changes: ImportResponse['changes']): string {
  const parts = [
    changes.nodesCreated ? `${counted(changes.nodesCreated, 'node and source', 'nodes and sources')} created` : '',
    changes.relationshipsCreated ? `${counted(changes.relationshipsCreated, 'relationship')} created` : '',
    changes.propertiesSet ? `${counted(changes.propertiesSet, 'property', 'properties')} set` : '',
  ].filter(Boolean);
  // Labels are added with every node created (Entity and its kind): said only when nothing else changed.
  if (!parts.length && changes.labelsAdded) parts.push(`${counted(changes.labelsAdded, 'label')} added`);
  return parts.length ? parts.join(', ') : 'nothing changed: the database held all of it already';
}

/** What a job that ended did, in one sentence; null while it is still going (its progress says it). */
export function jobOutcome(job: ImportJob): string | null {
  const file = job.fileName ? ` from ${job.fileName}` : '';
  switch (job.status) {
    case 'done':
      return `Done: ${counted(job.total, 'item')} written${file}.`;
    case 'failed':
      return `Failed after ${progressText(job.done, job.total)}${job.error ? `: ${job.error.replace(/\.$/, '')}` : ''}. What was written stays until the import is rolled back.`;
    case 'rolledBack':
      return job.kept.length
        ? `Rolled back. ${counted(job.kept.length, 'node')} it created ${job.kept.length === 1 ? 'is' : 'are'} kept: later imports link to ${job.kept.length === 1 ? 'it' : 'them'}.`
        : 'Rolled back: what it created is deleted and what it overwrote is restored.';
    default:
      return job.interrupted
        ? `Cut off after ${progressText(job.done, job.total)}; what was written stays until it is resumed or rolled back.`
        : null;
  }
}

/** How a list of refused problems is introduced: "3 problems; nothing was written." / "More than 100 …". */
export function problemsHeading(shown: number, truncated: boolean): string {
  return truncated
    ? `More than ${counted(shown, 'problem')}; the first ${number(shown)} are listed. Nothing was written.`
    : `${counted(shown, 'problem')}. Nothing was written.`;
}

/** When, in the reader's local time ("12 Mar 2026, 14:05" in their locale); the text as it is if unreadable. */
export function localTime(iso: string): string {
  const then = Date.parse(iso);
  return Number.isNaN(then)
    ? iso
    : new Date(then).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "812 bytes", "14 KB", "4.2 MB": a chosen file's size. */
export function sizeWords(bytes: number): string {
  if (bytes < 1_000) return counted(bytes, 'byte');
  if (bytes < 1_000_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The confirmation a rollback asks for. */
export const ROLLBACK_QUESTION =
  'Roll back this import? What it created is deleted and what it overwrote is restored; nodes that later imports link to are kept.';

/** What the dialog says once an import or a rollback has changed the database under the canvas. */
export const STALE_CANVAS =
  'The canvas may show data from before this change. Re-run your search or expand again to see the changes.';
