/**
 * The generator's randomness: pure-rand's xoroshiro128+ (its authors' recommended generator; 32-bit
 * integer arithmetic, so nothing ever passes 2^53 as the old hand-rolled LCG did) with its unbiased
 * uniform distributions. One seed gives one sequence on every machine and Node version, which is what
 * makes a generated file byte-identical for the same N and seed.
 *
 * `stream(k)` gives an independent sequence (xoroshiro's jump: 2^64 draws further on), so the structure
 * of the network and the words written for it draw from separate streams: changing how a name is
 * written never moves an edge.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/** A seeded, mutable source of random draws; every method advances it. */
export class Random {
  private constructor(private readonly rng: JumpableRandomGenerator) {}

  /** The `k`-th independent stream (0, 1, 2…) of the 32-bit integer `seed`. */
  static stream(seed: number, k: number): Random {
    const rng = xoroshiro128plus(seed | 0);
    for (let i = 0; i < k; i++) rng.jump();
    return new Random(rng);
  }

  /** An integer in [min, max], both included (uniform; max < min is a caller's bug and throws). */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`empty range [${min}, ${max}]`);
    return min === max ? min : uniformInt(this.rng, min, max);
  }

  /** A float in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return uniformFloat64(this.rng) < p;
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** An index in [0, n) skewed towards 0 (u^k for a uniform u: density ∝ x^(1/k − 1)): old, big actors come up more often. */
  skewed(n: number, k = 3): number {
    return Math.min(n - 1, Math.floor(n * this.float() ** k));
  }
}
