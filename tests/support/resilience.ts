/**
 * How hard the resilience suite pushes: `npm test` runs the short version (enough rounds to catch a
 * fault that shows every time), `npm run test:resilience` (RESILIENCE_FULL=1) the long one.
 */
export const FULL = process.env.RESILIENCE_FULL === '1';

/** `short` rounds in `npm test`, `full` in the long run. */
export const rounds = (short: number, full: number) => (FULL ? full : short);
