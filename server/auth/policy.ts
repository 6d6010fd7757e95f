/**
 * Who may reach which route: the one table of the API's access rules (issue 10), checked before any
 * route reads its body. Roles rise viewer < analyst < admin (contract/auth.ts). With sign-in on, a
 * request without a session reaches only GET /api/health and /api/session (to sign in, or to learn
 * that it is not); everything else answers 401 UNAUTHENTICATED. A signed-in user below a route's role
 * gets 403 FORBIDDEN. With sign-in off every request acts for the local admin (auth/actor.ts), so the
 * same table lets everything through.
 *
 * Investigations are finer than a role: whose they are and whom they are shared with is decided by
 * services/investigationAccess (404 for another user's unshared one, 403 for a write to a read share);
 * this table keeps viewers from every write under /api/investigations (create, import, save, share,
 * bin, undelete, restore), before the body of up to INVESTIGATION_MAX_BYTES is read.
 *
 * The table also says which requests count as writes for the per-user write limit
 * (middleware/rateLimits.ts): POST/PUT/PATCH/DELETE do, unless their rule says `write: false` — the
 * POSTs that only read (the console, named queries, the relationships among drawn nodes), cancelling
 * one's console query, and signing out, which a write limit must never keep anyone from.
 */
import type { RequestHandler } from 'express';
import { type Role, roleAtLeast } from '../../contract/auth.ts';
import { AppError } from '../errors.ts';
import { actorOf } from './actor.ts';
import type { SessionLocals } from './sessions.ts';

/** One rule: requests with `method` (`*`: any) to `path` (and, with `prefix`, below it) need `role` (null: nobody). */
export interface RouteRule {
  method: string;
  path: string;
  prefix?: boolean;
  role: Role | null;
  /** Counts toward the write limit; absent: whether the method is POST, PUT, PATCH or DELETE. */
  write?: boolean;
}

/** The first rule that matches a request decides; the last one covers every other /api route. */
export const ROUTE_ROLES: readonly RouteRule[] = [
  { method: 'GET', path: '/api/health', role: null },
  { method: 'PUT', path: '/api/session/password', role: 'viewer' },
  { method: 'DELETE', path: '/api/session', role: null, write: false },
  { method: '*', path: '/api/session', role: null },
  { method: 'POST', path: '/api/import', role: 'analyst' },
  { method: '*', path: '/api/imports', prefix: true, role: 'analyst' },
  { method: 'POST', path: '/api/investigations', prefix: true, role: 'analyst' },
  { method: 'PUT', path: '/api/investigations', prefix: true, role: 'analyst' },
  { method: 'PATCH', path: '/api/investigations', prefix: true, role: 'analyst' },
  { method: 'DELETE', path: '/api/investigations', prefix: true, role: 'analyst' },
  { method: 'POST', path: '/api/cypher', role: 'viewer', write: false },
  { method: 'DELETE', path: '/api/cypher', prefix: true, role: 'viewer', write: false },
  { method: 'POST', path: '/api/queries', prefix: true, role: 'viewer', write: false },
  { method: 'POST', path: '/api/relationships/among', role: 'viewer', write: false },
  // Matching only reads: any role may ask which held nodes a name may duplicate.
  { method: 'POST', path: '/api/nodes/matches', role: 'viewer', write: false },
  { method: 'POST', path: '/api/nodes', prefix: true, role: 'analyst' },
  // Curation (issue 12): adding, editing, correcting and retracting facts take the analyst role;
  // sources' grades only read; histories are GETs, any role.
  { method: 'PATCH', path: '/api/nodes', prefix: true, role: 'analyst' },
  { method: 'POST', path: '/api/sources/grades', role: 'viewer', write: false },
  { method: 'POST', path: '/api/sources', prefix: true, role: 'analyst' },
  { method: 'PATCH', path: '/api/sources', prefix: true, role: 'analyst' },
  { method: 'POST', path: '/api/relationships', prefix: true, role: 'analyst' },
  { method: 'PATCH', path: '/api/relationships', prefix: true, role: 'analyst' },
  { method: 'GET', path: '/api/usernames', role: 'analyst' },
  { method: '*', path: '/api/users', prefix: true, role: 'admin' },
  { method: '*', path: '/api/audit', prefix: true, role: 'admin' },
  // Exploration, search, the console, named queries, investigations shared with the user: any role.
  { method: '*', path: '/api', prefix: true, role: 'viewer' },
];

/** The rule of a request (`path` without the query string, as Express's req.path under no mount). */
export function ruleFor(method: string, path: string): RouteRule | undefined {
  // Express routes ignore case and one trailing slash (no `strict`, no `case sensitive routing`), so
  // the table does too: /API/Users/ must meet the rule of /api/users.
  const lower = path.toLowerCase();
  const p = lower.length > 1 ? lower.replace(/\/$/, '') : lower;
  return ROUTE_ROLES.find(
    (r) =>
      (r.method === '*' || r.method === method || (r.method === 'GET' && method === 'HEAD')) &&
      (p === r.path || (r.prefix === true && p.startsWith(`${r.path}/`))),
  );
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether a request counts toward the write limit: its rule's `write`, else whether its method writes. */
export function countsAsWrite(method: string, path: string): boolean {
  return ruleFor(method, path)?.write ?? WRITE_METHODS.has(method);
}

export const unauthenticated = () =>
  new AppError(401, 'UNAUTHENTICATED', 'Sign in first: this needs a session (POST /api/session)');

const forbidden = (role: Role) =>
  new AppError(403, 'FORBIDDEN', `This needs the role ${role} or above; ask an admin if you need it`);

/** 401 UNAUTHENTICATED unless the request has a session (always passes with sign-in off). */
export const requireSignIn: RequestHandler = (_req, res, next) => {
  const locals = res.locals as SessionLocals;
  next(locals.authOn && !locals.actor ? unauthenticated() : undefined);
};

/** requireSignIn, then 403 FORBIDDEN below `role`. */
export function requireRole(role: Role): RequestHandler {
  return (req, res, next) =>
    requireSignIn(req, res, (error?: unknown) => {
      if (error) return next(error);
      next(roleAtLeast(actorOf(req, res).role, role) ? undefined : forbidden(role));
    });
}

/** Applies ROUTE_ROLES to every request under /api (mounted at the app's root, before the routes). */
export const routePolicy: RequestHandler = (req, res, next) => {
  const path = req.path;
  const lower = path.toLowerCase(); // /API/users reaches the users router too
  if (lower !== '/api' && !lower.startsWith('/api/')) return next(); // the client's files and the sign-in page
  const rule = ruleFor(req.method, path);
  if (!rule || rule.role === null) return next();
  requireRole(rule.role)(req, res, next);
};
