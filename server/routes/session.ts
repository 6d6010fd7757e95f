/**
 * HTTP for signing in and out, under /api: POST /session signs in (sets the cookie, auth/sessions.ts),
 * GET /session answers who the request acts for (401 without a session when sign-in is on), DELETE
 * /session signs out, PUT /session/password changes the signed-in user's own password. Bodies are
 * parsed with contract/auth.ts. With sign-in off there is nobody to sign in: GET answers the local
 * admin with `auth: false`, and POST and PUT answer 409 AUTH_OFF.
 */
import { type RequestHandler, Router } from 'express';
import { passwordChangeRequest, type SessionUser, signInRequest } from '../../contract/auth.ts';
import { actorOf, addressOf } from '../auth/actor.ts';
import { unauthenticated } from '../auth/policy.ts';
import { clearSessionCookie, type SessionLocals, setSessionCookie } from '../auth/sessions.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { changeOwnPassword, type SessionLifetimes, signIn, signOut } from '../services/sessions.ts';
import { parse } from './validate.ts';

export interface SessionRouteOptions {
  authOn: boolean;
  lifetimes: SessionLifetimes;
  /** Run before a sign-in is checked: the rate limits on failed sign-ins (middleware/rateLimits.ts). */
  signInLimits: RequestHandler[];
  /** Run before a password change is checked: the limit on wrong current passwords (middleware/rateLimits.ts). */
  passwordChangeLimits: RequestHandler[];
}

const authOff = () =>
  new AppError(409, 'AUTH_OFF', 'This server runs without sign-in (AUTH=off): there are no passwords to check');

/** Routes for the session, under /api. */
export function sessionRoutes(
  db: Database,
  { authOn, lifetimes, signInLimits, passwordChangeLimits }: SessionRouteOptions,
): Router {
  const router = Router();

  router.post('/session', ...signInLimits, async (req, res) => {
    const credentials = parse(signInRequest, req.body, 'field');
    if (!authOn) throw authOff();
    const { token, user } = await signIn(db, { ...credentials, address: addressOf(req) }, lifetimes);
    setSessionCookie(req, res, token, lifetimes.maxMs);
    res.json({ user: { ...user, auth: true } satisfies SessionUser });
  });

  router.get('/session', (req, res) => {
    const locals = res.locals as SessionLocals;
    if (authOn && !locals.actor) throw unauthenticated();
    const { username, role } = actorOf(req, res);
    res.json({ user: { username, role, auth: authOn } satisfies SessionUser });
  });

  router.delete('/session', async (req, res) => {
    const locals = res.locals as SessionLocals;
    if (locals.actor && locals.sessionTokenHash) await signOut(db, locals.actor, locals.sessionTokenHash);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  router.put('/session/password', ...passwordChangeLimits, async (req, res) => {
    const change = parse(passwordChangeRequest, req.body, 'field');
    if (!authOn) throw authOff();
    const locals = res.locals as SessionLocals;
    await changeOwnPassword(db, actorOf(req, res), { ...change, keepTokenHash: locals.sessionTokenHash ?? null });
    res.status(204).end();
  });

  return router;
}
