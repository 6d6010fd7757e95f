/**
 * Rate limits (issue 10), with express-rate-limit: failed sign-ins per address and username (a guess
 * at one account) and per address (a sweep over many), and writes per signed-in user. A limited
 * request answers 429 with Retry-After (seconds) and `{error: {code, message}}`; once a sign-in limit
 * is reached even the right password waits, or guessing would go on and only the answer would change.
 * Successful sign-ins are not counted (skipSuccessfulRequests). Counts live in each process's memory:
 * two API processes each allow the limit (a shared store, e.g. rate-limit-redis, would change that).
 */
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { SessionLocals } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';

export interface RateLimits {
  /** Window of the sign-in limits, in milliseconds (SIGN_IN_WINDOW_MINUTES, default 15). */
  signInWindowMs: number;
  /** Failed sign-ins per address and username per window (SIGN_IN_FAILURES_PER_USER, default 5). */
  signInFailuresPerUser: number;
  /** Failed sign-ins per address per window, whatever the username (SIGN_IN_FAILURES_PER_ADDRESS, default 50). */
  signInFailuresPerAddress: number;
  /** Writes (POST, PUT, PATCH, DELETE) per signed-in user per minute (WRITES_PER_MINUTE, default 300). */
  writesPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  signInWindowMs: 15 * 60_000,
  signInFailuresPerUser: 5,
  signInFailuresPerAddress: 50,
  writesPerMinute: 300,
};

/** The address part of a key: IPv6 addresses by their /56, as express-rate-limit advises. */
const addressKey = (req: Request) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');

const usernameTried = (req: Request) => {
  const body = req.body as { username?: unknown } | undefined;
  return typeof body?.username === 'string' ? body.username.slice(0, 64) : '';
};

function refused(code: string, message: string): RequestHandler {
  return (_req, _res, next) => next(new AppError(429, code, message));
}

/** The limits of POST /api/session; mount after its JSON body is parsed (the username is part of a key). */
export function signInLimits(limits: RateLimits): RequestHandler[] {
  const common = {
    windowMs: limits.signInWindowMs,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    handler: refused('TOO_MANY_SIGN_INS', 'Too many failed sign-ins; wait before trying again (see Retry-After)'),
  };
  return [
    rateLimit({
      ...common,
      limit: limits.signInFailuresPerUser,
      identifier: 'sign-in-user',
      keyGenerator: (req) => `${addressKey(req)}|${usernameTried(req)}`,
    }),
    rateLimit({
      ...common,
      limit: limits.signInFailuresPerAddress,
      identifier: 'sign-in-address',
      keyGenerator: (req) => addressKey(req),
    }),
  ];
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Writes per signed-in user per minute; mount after the session middleware. Requests without a session
 * are not counted here (the route policy refuses them, sign-in has its own limits); nor is a server
 * without sign-in, where the one user would only limit themself.
 */
export function writeLimit(limits: RateLimits): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: limits.writesPerMinute,
    identifier: 'writes',
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req, res) => !WRITE_METHODS.has(req.method) || !(res.locals as SessionLocals).actor,
    keyGenerator: (_req, res) => `user:${(res.locals as SessionLocals).actor?.username}`,
    handler: refused('TOO_MANY_WRITES', 'Too many writes in a minute; wait before trying again (see Retry-After)'),
  });
}
