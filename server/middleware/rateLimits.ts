/**
 * Rate limits (issue 10), with express-rate-limit: failed sign-ins per address and username (a guess
 * at one account) and per address (a sweep over many), and writes per signed-in user. A limited
 * request answers 429 with Retry-After (seconds) and `{error: {code, message}}`; once a sign-in limit
 * is reached even the right password waits, or guessing would go on and only the answer would change.
 * Successful sign-ins are not counted (skipSuccessfulRequests). Wrong current passwords in a password
 * change are limited the same way, per user. Counts live in each process's memory: two API processes
 * each allow the limit (a shared store, e.g. rate-limit-redis, would change that).
 *
 * A limit reached is audited once per window and key, at the first refusal (`session.signInLimited`,
 * or `session.passwordChangeFailed` for the password change), saying until when: an entry per refused
 * request would let an attacker flood the trail. express-rate-limit counts refused requests too, so
 * the first refusal is the one whose count is the limit plus one.
 * Which requests are writes is the route table's word (auth/policy.ts countsAsWrite).
 */
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, type RateLimitInfo, rateLimit } from 'express-rate-limit';
import { actorOf, addressOf } from '../auth/actor.ts';
import { countsAsWrite } from '../auth/policy.ts';
import type { SessionLocals } from '../auth/sessions.ts';
import { visibleUsername } from '../auth/visibleUsername.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { type AuditRecord, recordAuditAlone } from '../services/audit.ts';

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

/** Who and what the audit entry of a limit reached names, given the request and until when it holds. */
type LimitedEntry = (req: Request, res: Response, until: string) => { username: string; record: AuditRecord };

/**
 * A 429 handler that audits the first refusal of a window (see the module's comment) before answering.
 * The 429 is sent once the entry is written; when the database cannot take it, the refusal stands all
 * the same (a limit must not lift because the trail is down).
 */
function refusedAndAudited(db: Database, code: string, message: string, entry: LimitedEntry): RequestHandler {
  return (req, res, next) => {
    const info = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit;
    const error = new AppError(429, code, message);
    if (!info || info.used !== info.limit + 1) return next(error);
    const until = (info.resetTime ?? new Date()).toISOString();
    const { username, record } = entry(req, res, until);
    recordAuditAlone(db, { username, address: addressOf(req) }, record).then(
      () => next(error),
      () => next(error),
    );
  };
}

const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

/**
 * The limits of POST /api/session; mount after its JSON body is parsed (the username is part of a key).
 * The first refusal of a window is audited as `session.signInLimited` under the username tried (its
 * visible form, auth/visibleUsername.ts).
 */
export function signInLimits(limits: RateLimits, db: Database): RequestHandler[] {
  const handler = (which: string, limit: number) =>
    refusedAndAudited(
      db,
      'TOO_MANY_SIGN_INS',
      'Too many failed sign-ins; wait before trying again (see Retry-After)',
      (req, _res, until) => ({
        username: visibleUsername(usernameTried(req)),
        record: {
          action: 'session.signInLimited',
          ids: [],
          detail: `refused until ${until}: ${limit} failed sign-ins per ${which} in ${minutes(limits.signInWindowMs)}`,
        },
      }),
    );
  const common = {
    windowMs: limits.signInWindowMs,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
  };
  return [
    rateLimit({
      ...common,
      limit: limits.signInFailuresPerUser,
      identifier: 'sign-in-user',
      // In lower case, as sign-in looks names up (services/users.ts): `A2` and `a2` are one account's guesses.
      keyGenerator: (req) => `${addressKey(req)}|${usernameTried(req).toLowerCase()}`,
      handler: handler('address and username', limits.signInFailuresPerUser),
    }),
    rateLimit({
      ...common,
      limit: limits.signInFailuresPerAddress,
      identifier: 'sign-in-address',
      keyGenerator: (req) => addressKey(req),
      handler: handler('address', limits.signInFailuresPerAddress),
    }),
  ];
}

/**
 * The limit of PUT /api/session/password: wrong current passwords (401) per signed-in user, as many
 * per window as failed sign-ins per username (a stolen session must not become a password oracle).
 * Mount after the session middleware. Other answers (a weak new password's 400, success) do not count.
 * The first refusal of a window is audited as `session.passwordChangeFailed`, saying until when.
 */
export function passwordChangeLimit(limits: RateLimits, db: Database): RequestHandler {
  return rateLimit({
    windowMs: limits.signInWindowMs,
    limit: limits.signInFailuresPerUser,
    identifier: 'password-change',
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (_req, res) => !(res.locals as SessionLocals).actor,
    keyGenerator: (_req, res) => `user:${(res.locals as SessionLocals).actor?.username}`,
    skipSuccessfulRequests: true,
    // Only wrong current passwords count, and the refusals themselves, so that the first refusal of a
    // window stays the only one at the limit plus one (the one audited).
    requestWasSuccessful: (_req, res) => res.statusCode !== 401 && res.statusCode !== 429,
    handler: refusedAndAudited(
      db,
      'TOO_MANY_PASSWORD_CHANGES',
      'Too many wrong current passwords; wait before trying again (see Retry-After)',
      (req, res, until) => {
        const { username } = actorOf(req, res);
        return {
          username,
          record: {
            action: 'session.passwordChangeFailed',
            ids: [username],
            detail: `refused until ${until}: ${limits.signInFailuresPerUser} wrong current passwords in ${minutes(limits.signInWindowMs)}`,
          },
        };
      },
    ),
  });
}

/**
 * Writes per signed-in user per minute; mount after the session middleware. Requests without a session
 * are not counted here (the route policy refuses them, sign-in has its own limits); nor is a server
 * without sign-in, where the one user would only limit themself; nor what the route table says is no
 * write (auth/policy.ts: sign-out, the POSTs that only read).
 */
export function writeLimit(limits: RateLimits): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: limits.writesPerMinute,
    identifier: 'writes',
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Mounted under /api: the table's paths are whole ones.
    skip: (req, res) => !countsAsWrite(req.method, req.baseUrl + req.path) || !(res.locals as SessionLocals).actor,
    keyGenerator: (_req, res) => `user:${(res.locals as SessionLocals).actor?.username}`,
    handler: refused('TOO_MANY_WRITES', 'Too many writes in a minute; wait before trying again (see Retry-After)'),
  });
}
