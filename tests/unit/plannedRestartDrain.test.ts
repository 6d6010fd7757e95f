/**
 * A planned restart (server/db/availability.ts `drain`, what the supervisor's replace begins with):
 * new work is refused with the 503 at once, work in hand is let finish with its own answer rather than
 * failed, nothing calls the server up until the restart is released, and work still in hand when the
 * limit passes is failed at the next change of state, as when the database goes away.
 */
import { describe, expect, it } from 'vitest';
import { Availability } from '../../server/db/availability.ts';
import { AppError } from '../../server/errors.ts';

/** A promise and the function that settles it. */
function later<T>() {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    settle = resolve;
  });
  return { promise, settle };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'answered',
    (error: unknown) => (error instanceof AppError ? `${error.status} ${error.code}` : String(error)),
  );

describe('a planned restart', () => {
  it('lets work in hand finish with its own answer, refuses new work at once, and drains once it has', async () => {
    const availability = new Availability();
    const query = later<string>();
    const inHand = availability.guard(() => query.promise, { graceMs: 0 });

    const draining = availability.drain('a thread died; letting the queries in hand finish first', 10_000);
    expect(availability.status).toMatchObject({ state: 'restarting' });
    expect(await refusal(availability.guard(async () => 'new'))).toBe('503 DATABASE_UNAVAILABLE');

    query.settle('the query’s own answer');
    await expect(inHand).resolves.toBe('the query’s own answer');
    const { drained } = await draining;
    expect(drained).toBe(true);
  });

  it('keeps the server restarting whatever the probe finds, until it is released', async () => {
    const availability = new Availability();
    const { release } = await availability.drain('replacing', 1_000);
    availability.set('up'); // the old server answering the probe while it stops
    expect(availability.status.state).toBe('restarting');
    release();
    availability.set('up'); // the new one
    expect(availability.status.state).toBe('up');
  });

  it('gives up on work that outlasts the limit, which then fails with the 503 at the next change', async () => {
    const availability = new Availability();
    const stuck = later<string>();
    const inHand = refusal(availability.guard(() => stuck.promise));

    const { drained, release } = await availability.drain('replacing', 50);
    expect(drained).toBe(false);
    availability.set('restarting', 'replacing; restarting it');
    expect(await inHand).toBe('503 DATABASE_UNAVAILABLE');
    release();
  });

  it('drains at once when nothing is in hand, and counts work that failed as settled', async () => {
    const availability = new Availability();
    await expect(availability.guard(() => Promise.reject(new Error('syntax error')))).rejects.toThrow('syntax error');
    const started = Date.now();
    const { drained } = await availability.drain('replacing', 10_000);
    expect(drained).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
