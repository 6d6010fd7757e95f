/**
 * Preferential attachment (Barabási–Albert) mixed with uniform choice: a pool holds one ticket per
 * node when it joins and one more for every link it gets. A draw takes a ticket (a node in proportion
 * to its degree plus one: the rich get richer) with probability PREFERENTIAL, else any member alike.
 * Pure preferential attachment let the first coalition, alone in its pool for a while, take most of the
 * network; the mix keeps the power law (exponent 1 + 1/PREFERENTIAL, Dorogovtsev–Mendes) with hubs of
 * thousands of links at a million relationships, but no single node holding most of the graph.
 */
import type { Random } from './random.ts';

/** Share of draws made by degree rather than uniformly. */
export const PREFERENTIAL = 0.6;

/** A growable list of 32-bit node numbers. */
class IntList {
  private items: Int32Array = new Int32Array(1024);
  size = 0;

  push(value: number): void {
    if (this.size === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.size++] = value;
  }

  at(index: number): number {
    return this.items[index]!;
  }
}

export class Pool {
  private readonly tickets = new IntList();
  private readonly members = new IntList();

  /** `node` joins the pool (its first ticket). */
  join(node: number): void {
    this.members.push(node);
    this.tickets.push(node);
  }

  /** One more ticket for `node`, a member that got a link. */
  add(node: number): void {
    this.tickets.push(node);
  }

  /**
   * A node drawn as above that `fits`, within `tries` draws; `fallback` when none did (an
   * always-alive root, so a link is never dropped).
   */
  draw(random: Random, fits: (node: number) => boolean, fallback: number, tries = 12): number {
    if (this.members.size === 0) return fallback;
    for (let i = 0; i < tries; i++) {
      const list = random.chance(PREFERENTIAL) ? this.tickets : this.members;
      const node = list.at(random.int(0, list.size - 1));
      if (fits(node)) return node;
    }
    return fallback;
  }
}
