/**
 * The Import data dialog's words (issue 11), pure: a job's status and progress in words, which jobs are
 * still worth polling, which offer Resume and Roll back (and to whom), what a small file held and
 * changed, how a job ended, and how a refused file's problems are introduced.
 */
import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../../contract/importJob.ts';
import {
  canResume,
  canRollBack,
  changedWords,
  heldWords,
  isActive,
  jobOutcome,
  problemsHeading,
  progressText,
  sizeWords,
  statusWords,
} from '../../client/src/imports/importWords.ts';

const job = (over: Partial<ImportJob> = {}): ImportJob => ({
  id: 'imp-20260101-abcdef',
  status: 'running',
  interrupted: false,
  done: 0,
  total: 48_002,
  by: 'ana',
  fileName: 'network.json',
  sha256: 'a'.repeat(64),
  startedAt: '2026-01-01T10:00:00Z',
  updatedAt: '2026-01-01T10:00:01Z',
  finishedAt: null,
  error: null,
  kept: [],
  ...over,
});

describe("an import job's status in words", () => {
  it('names each state, and says when a job was cut off and waits to be resumed', () => {
    expect(statusWords(job())).toBe('running');
    expect(statusWords(job({ interrupted: true }))).toBe('cut off — waiting to be resumed');
    expect(statusWords(job({ status: 'done' }))).toBe('done');
    expect(statusWords(job({ status: 'failed' }))).toBe('failed');
    expect(statusWords(job({ status: 'rollingBack' }))).toBe('rolling back');
    expect(statusWords(job({ status: 'rollingBack', interrupted: true }))).toBe(
      'rolling back — cut off, roll back again to finish',
    );
    expect(statusWords(job({ status: 'rolledBack' }))).toBe('rolled back');
  });
});

describe("an import job's progress in words", () => {
  it('counts items committed of the total, grouped in thousands', () => {
    expect(progressText(12_000, 48_002)).toBe('12,000 of 48,002 items');
    expect(progressText(0, 1)).toBe('0 of 1 item');
    expect(progressText(1_000_000, 1_000_000)).toBe('1,000,000 of 1,000,000 items');
  });
  it('polls only jobs the server is still working on: not ended, not cut off', () => {
    expect(isActive(job())).toBe(true);
    expect(isActive(job({ status: 'rollingBack' }))).toBe(true);
    expect(isActive(job({ interrupted: true }))).toBe(false);
    for (const status of ['done', 'failed', 'rolledBack'] as const) expect(isActive(job({ status }))).toBe(false);
  });
});

describe('what an import job offers, and to whom', () => {
  it('offers Resume only for a job cut off while being written', () => {
    expect(canResume(job({ interrupted: true }))).toBe(true);
    expect(canResume(job())).toBe(false);
    expect(canResume(job({ status: 'rollingBack', interrupted: true }))).toBe(false);
    expect(canResume(job({ status: 'done' }))).toBe(false);
  });
  it('offers Roll back for done, failed and cut-off jobs, never for one running or already rolled back', () => {
    for (const status of ['done', 'failed'] as const) expect(canRollBack(job({ status }), 'ana', false)).toBe(true);
    expect(canRollBack(job({ interrupted: true }), 'ana', false)).toBe(true);
    expect(canRollBack(job({ status: 'rollingBack', interrupted: true }), 'ana', false)).toBe(true);
    expect(canRollBack(job(), 'ana', false)).toBe(false);
    expect(canRollBack(job({ status: 'rollingBack' }), 'ana', false)).toBe(false);
    expect(canRollBack(job({ status: 'rolledBack' }), 'ana', true)).toBe(false);
  });
  it("offers another analyst's job to admins only", () => {
    const theirs = job({ status: 'done', by: 'bob' });
    expect(canRollBack(theirs, 'ana', false)).toBe(false);
    expect(canRollBack(theirs, 'ana', true)).toBe(true);
    expect(canRollBack(job({ status: 'done', by: 'cli:ops' }), 'local', true)).toBe(true);
  });
});

describe("a small file's summary in words", () => {
  it('says what the file held, with singulars', () => {
    expect(heldWords({ nodes: 3, relationships: 2, sources: 1 })).toBe('3 nodes, 2 relationships, 1 source');
    expect(heldWords({ nodes: 1, relationships: 1_500, sources: 0 })).toBe('1 node, 1,500 relationships, 0 sources');
  });
  it('says what changed, leaving out what did not and the labels every new node gets, and says so when nothing did', () => {
    const changes = { nodesCreated: 5, relationshipsCreated: 3, propertiesSet: 27, labelsAdded: 10 };
    expect(changedWords(changes)).toBe('5 nodes and sources created, 3 relationships created, 27 properties set');
    expect(changedWords({ ...changes, nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 1 })).toBe(
      '1 property set',
    );
    expect(changedWords({ nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 1 })).toBe(
      '1 label added',
    );
    expect(changedWords({ nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0, labelsAdded: 0 })).toBe(
      'nothing changed: the database held all of it already',
    );
  });
  it("says a chosen file's size", () => {
    expect(sizeWords(1)).toBe('1 byte');
    expect(sizeWords(812)).toBe('812 bytes');
    expect(sizeWords(14_200)).toBe('14 KB');
    expect(sizeWords(4_230_000)).toBe('4.2 MB');
  });
});

describe('how an import job ended, in words', () => {
  it('says nothing while it runs; done with its total and file; failed with why and what stays', () => {
    expect(jobOutcome(job())).toBeNull();
    expect(jobOutcome(job({ status: 'done', done: 48_002 }))).toBe('Done: 48,002 items written from network.json.');
    expect(jobOutcome(job({ status: 'failed', done: 2_500, error: 'the file changed' }))).toBe(
      'Failed after 2,500 of 48,002 items: the file changed. What was written stays until the import is rolled back.',
    );
    expect(jobOutcome(job({ status: 'failed', error: 'A conflict appeared.' }))).toMatch(/appeared\. What/);
  });
  it('says what a cut-off job left written, until it is resumed or rolled back', () => {
    expect(jobOutcome(job({ interrupted: true, done: 10_000 }))).toBe(
      'Cut off after 10,000 of 48,002 items; what was written stays until it is resumed or rolled back.',
    );
  });
  it('says a rollback restored everything, or which nodes it kept because later imports link to them', () => {
    expect(jobOutcome(job({ status: 'rolledBack' }))).toBe(
      'Rolled back: what it created is deleted and what it overwrote is restored.',
    );
    expect(jobOutcome(job({ status: 'rolledBack', kept: ['a'] }))).toBe(
      'Rolled back. 1 node it created is kept: later imports link to it.',
    );
    expect(jobOutcome(job({ status: 'rolledBack', kept: ['a', 'b'] }))).toBe(
      'Rolled back. 2 nodes it created are kept: later imports link to them.',
    );
  });
});

describe("a refused file's problems, introduced", () => {
  it('counts them and says nothing was written; past the server cap, says there are more', () => {
    expect(problemsHeading(1, false)).toBe('1 problem. Nothing was written.');
    expect(problemsHeading(3, false)).toBe('3 problems. Nothing was written.');
    expect(problemsHeading(100, true)).toBe('More than 100 problems; the first 100 are listed. Nothing was written.');
  });
});
