/**
 * The session cookie and the middleware that turns it into `res.locals.actor` (server/auth/actor.ts).
 * The cookie holds the session's token (services/sessions.ts); it is HttpOnly (scripts never read
 * it), SameSite=Lax (other sites' subrequests and form posts do not carry it), Path=/, and Secure when
 * the request came over HTTPS (req.secure, which believes X-Forwarded-Proto only with TRUST_PROXY), so
 * `npm start` on http://127.0.0.1 still works. It lives as long as the session may (SESSION_MAX_DAYS);
 * the server ends it earlier when idle. OWASP Session Management Cheat Sheet, "Cookies".
 */
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import type { Database } from '../db/database.ts';
import { findSession, type SessionLifetimes } from '../services/sessions.ts';
import { type Actor, addressOf } from './actor.ts';

/** The cookie's name. Not `__Host-` prefixed: that demands Secure, and plain http on a laptop is a supported setup. */
export const SESSION_COOKIE = 'atlas_session';

/** What the session middleware leaves in res.locals besides `actor`. */
export interface SessionLocals {
  actor?: Actor;
  /** Sign-in is on (AUTH=on): a request without a session is a stranger, not the local user. */
  authOn?: boolean;
  /** The SHA-256 of the request's session token, when it has a valid session. */
  sessionTokenHash?: string;
}

function cookieOptions(req: Request, maxMs: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: maxMs };
}

/** Sets the cookie of a new session. */
export function setSessionCookie(req: Request, res: Response, token: string, maxMs: number): void {
  res.cookie(SESSION_COOKIE, token, cookieOptions(req, maxMs));
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(req: Request, res: Response): void {
  const { maxAge: _, ...options } = cookieOptions(req, 0);
  res.clearCookie(SESSION_COOKIE, options);
}

/**
 * With sign-in on: reads the session cookie (cookie-parser has parsed it) and, when it names a live
 * session, sets `res.locals.actor` to its user with their current role. A request without a valid
 * session goes on as a stranger; server/auth/policy.ts decides what a stranger may reach.
 */
export function sessionMiddleware(db: Database, lifetimes: SessionLifetimes): RequestHandler {
  return async (req, res, next) => {
    const locals = res.locals as SessionLocals;
    locals.authOn = true;
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    // A token is 43 base64url characters; anything else is not worth a database round trip.
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(token)) return next();
    try {
      const session = await findSession(db, token, lifetimes);
      if (session) {
        locals.actor = { username: session.username, role: session.role, address: addressOf(req) };
        locals.sessionTokenHash = session.tokenHash;
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
