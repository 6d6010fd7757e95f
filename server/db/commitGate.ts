/**
 * Readers never see an import half applied. Neo4j runs transactions at read-committed isolation
 * (Operations Manual, "Concurrent data access"): a query sees other transactions' writes as soon as
 * they are committed, also while it runs, so a count running while a 3,000-item import commits saw
 * 1,000 of its factions (tests/resilience/importAtomicity.test.ts). Neo4j offers no shared lock to
 * a READ transaction, so the gate is here, in the one process that serves the API: every read
 * transaction holds it shared; an import that has written everything takes it exclusively just for
 * its commit, waiting for the reads in flight and making new ones wait behind it (writer-preferring,
 * so a stream of reads cannot starve it). The wait is one commit, not the import's whole run.
 *
 * Limit: only this process's readers and imports are gated; `npm run import` run in another process
 * against the same database commits ungated.
 */
import { Semaphore } from 'async-mutex';

/**
 * Reads in flight at once (more wait their turn); an import takes all of it. Not larger: async-mutex
 * walks its waiter lists once per unit of capacity at every release, and a million cost ~20 ms of CPU
 * per read (measured: 45 reads/s instead of 300).
 */
const CAPACITY = 1_000;

export class CommitGate {
  // async-mutex's Semaphore serves waiters strictly in order, so a waiting import blocks later readers.
  private readonly semaphore = new Semaphore(CAPACITY);

  /** Runs one read transaction (or console run) while no import commits. */
  read<T>(work: () => Promise<T>): Promise<T> {
    return this.semaphore.runExclusive(work, 1);
  }

  /** Waits until no read runs, and keeps new ones out until the returned release is called. */
  async publishing(): Promise<() => void> {
    const [, release] = await this.semaphore.acquire(CAPACITY);
    return release;
  }
}
