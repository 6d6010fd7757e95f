/**
 * Who a request acts for: the signed-in user (server/auth/sessions.ts sets it), or, when the server
 * runs without sign-in (AUTH=off, loopback only), the one local user, an admin. Services take an
 * Actor instead of a request, so they know nothing of HTTP: whose investigations, whose console
 * queries, who is written into the audit trail and into the transaction metadata.
 */
import type { Request, Response } from 'express';
import type { Role } from '../../contract/auth.ts';

export interface Actor {
  username: string;
  role: Role;
  /** The client's address: req.ip, the X-Forwarded-For one when TRUST_PROXY is set. */
  address: string;
}

/** The user of a server running without sign-in (AUTH=off): owns everything, may do everything. */
export const LOCAL_USERNAME = 'local';

/** The Actor of a request: set by the session middleware, else the local user (AUTH=off). */
export function actorOf(req: Request, res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  return actor ?? { username: LOCAL_USERNAME, role: 'admin', address: addressOf(req) };
}

/** The client's address as the audit trail records it. */
export function addressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** Whether a user signed in for this request (AUTH=on); false when the server runs single-user. */
export function signedIn(res: Response): boolean {
  return res.locals.actor !== undefined;
}
