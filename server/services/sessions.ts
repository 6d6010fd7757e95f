/**
 * Sessions (issue 10), after OWASP's Session Management Cheat Sheet and The Copenhagen Book
 * (https://thecopenhagenbook.com/sessions): a 256-bit random token goes to the client in a cookie;
 * only its SHA-256 is stored (:Session {tokenHash, username, createdAt, lastSeenAt, expiresAt}), in
 * Neo4j, so every API process sees every session and a copy of the database hands out none. A session
 * ends at sign-out, after `idleMs` without a request, `maxMs` after sign-in whatever happens, and when
 * its user's password changes or the user is disabled or deleted. Its last use is written at most once
 * a minute, so a busy client does not turn every read into a write.
 *
 * Sign-in lives here too: checking the password (auth/passwords.ts, the same work for an unknown
 * username), creating the session, and the audit entries of success and failure.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Node } from 'neo4j-driver';
import type { Role } from '../../contract/auth.ts';
import type { Actor } from '../auth/actor.ts';
import { hashPassword, verifyNoUser, verifyPassword } from '../auth/passwords.ts';
import { visibleUsername } from '../auth/visibleUsername.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { recordAudit, recordAuditAlone } from './audit.ts';
import { findUser } from './users.ts';

/** How long sessions live, in milliseconds: since their last request, and at most since sign-in. */
export interface SessionLifetimes {
  idleMs: number;
  maxMs: number;
}

/** SESSION_IDLE_HOURS 8 and SESSION_MAX_DAYS 7. */
export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = {
  idleMs: 8 * 3600_000,
  maxMs: 7 * 24 * 3600_000,
};

/** A request's use is written at most this often (idle expiry is counted in hours). */
const TOUCH_EVERY_MS = 60_000;

/** The stored form of a token: its SHA-256, hex. The token itself is 256 random bits, so no salt is needed. */
export const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** A signed-in session: who, and the hash that names it. */
export interface FoundSession {
  username: string;
  role: Role;
  tokenHash: string;
}

/**
 * The one answer to every failed sign-in: unknown user, wrong password, disabled account. A disabled
 * account answering otherwise would tell whoever tries that its password was right; the words name the
 * possibility so its owner knows to ask an admin. Which one it was goes only to the audit trail.
 */
export const invalidCredentials = () =>
  new AppError(401, 'INVALID_CREDENTIALS', 'Wrong username or password, or the account is disabled.');

/**
 * Signs `username` in from `address`: answers the new session's token (for the cookie) and the user.
 * 401 INVALID_CREDENTIALS for an unknown username, a wrong password and a disabled account alike (the
 * same words and the same work; the audit detail says which). Success is audited with the session; a
 * failure in a transaction of its own, under the stored username when the account exists, else under
 * the name tried in its visible form (auth/visibleUsername.ts), so a tried name cannot pass for another
 * user in the trail. Usernames are looked up the way uniqueness decides (services/users.ts findUser):
 * `A2` signs in `a2`, and the session and the trail name `a2`.
 */
export async function signIn(
  db: Database,
  credentials: { username: string; password: string; address: string },
  lifetimes: SessionLifetimes,
): Promise<{ token: string; user: { username: string; role: Role } }> {
  const { password, address } = credentials;
  const user = await db.read('session-sign-in', (tx) => findUser(tx, credentials.username));
  const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyNoUser(password);
  if (!user || !valid || user.disabled) {
    const detail = !user ? 'unknown user' : !valid ? 'wrong password' : 'user disabled';
    await recordAuditAlone(
      db,
      { username: user ? user.username : visibleUsername(credentials.username), address },
      { action: 'session.signInFailed', ids: [], detail },
    );
    throw invalidCredentials();
  }
  const username = user.username;
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await db.write(
    'session-sign-in',
    async (tx) => {
      await tx.run('sessionCreate', {
        tokenHash: tokenHashOf(token),
        username,
        now: now.toISOString(),
        expiresAt: new Date(now.getTime() + lifetimes.maxMs).toISOString(),
      });
      await tx.run('userSignedIn', { username, now: now.toISOString() });
      await recordAudit(tx, { username, address }, { action: 'session.signIn', ids: [username] });
    },
    { user: username },
  );
  return { token, user: { username, role: user.role } };
}

/**
 * The session a token names, with its user's current role; undefined when there is none, it has
 * expired (then it is deleted), or its user is disabled or gone.
 */
export async function findSession(
  db: Database,
  token: string,
  lifetimes: SessionLifetimes,
): Promise<FoundSession | undefined> {
  const tokenHash = tokenHashOf(token);
  const result = await db.read('session-find', (tx) => tx.run('sessionFind', { tokenHash }));
  const record = result.records[0];
  if (!record) return undefined;
  const session = (record.get('s') as Node).properties as Record<string, unknown>;
  const user = (record.get('u') as Node).properties as Record<string, unknown>;
  const now = Date.now();
  const lastSeen = Date.parse(String(session.lastSeenAt));
  if (Date.parse(String(session.expiresAt)) <= now || lastSeen + lifetimes.idleMs <= now) {
    await db.write('session-expire', (tx) => tx.run('sessionEnd', { tokenHash }));
    return undefined;
  }
  if (user.disabled === true) return undefined;
  if (now - lastSeen >= TOUCH_EVERY_MS) {
    await db.write('session-touch', (tx) => tx.run('sessionTouch', { tokenHash, now: new Date(now).toISOString() }));
  }
  return { username: String(user.username), role: user.role as Role, tokenHash };
}

/** Signs out: ends the session `tokenHash` names. Audited as `session.signOut`. */
export async function signOut(db: Database, actor: Actor, tokenHash: string): Promise<void> {
  await db.write(
    'session-sign-out',
    async (tx) => {
      await tx.run('sessionEnd', { tokenHash });
      await recordAudit(tx, actor, { action: 'session.signOut', ids: [actor.username] });
    },
    { user: actor.username },
  );
}

/**
 * The signed-in user changes their own password: `currentPassword` must be right (else 401
 * INVALID_CREDENTIALS, audited as `session.passwordChangeFailed` in a transaction of its own; the
 * route limits these failures per user like sign-in failures, middleware/rateLimits.ts). Ends the
 * user's other sessions, keeping `keepTokenHash` (the one asking). Audited as `session.passwordChange`.
 * A new password equal to the current one changes nothing a thief would notice, so it is refused: 400
 * SAME_PASSWORD, nothing written, no session ended.
 */
export async function changeOwnPassword(
  db: Database,
  actor: Actor,
  change: { currentPassword: string; newPassword: string; keepTokenHash: string | null },
): Promise<void> {
  const user = await db.read('session-password', (tx) => findUser(tx, actor.username));
  if (!user || !(await verifyPassword(change.currentPassword, user.passwordHash))) {
    await recordAuditAlone(db, actor, {
      action: 'session.passwordChangeFailed',
      ids: [actor.username],
      detail: 'wrong current password',
    });
    throw new AppError(401, 'INVALID_CREDENTIALS', 'The current password is wrong');
  }
  // The current password was just verified, so comparing the two as sent is comparing with the stored one.
  if (change.newPassword === change.currentPassword) {
    throw new AppError(400, 'SAME_PASSWORD', 'The new password is the current one: choose a different password');
  }
  const passwordHash = await hashPassword(change.newPassword);
  await db.write(
    'session-password',
    async (tx) => {
      await tx.run('userUpdate', { username: actor.username, role: null, passwordHash, disabled: null });
      const ended = await tx.run('sessionEndAllOfUser', {
        username: actor.username,
        keepTokenHash: change.keepTokenHash,
      });
      const count = Number(ended.records[0]?.get('ended') ?? 0);
      await recordAudit(tx, actor, {
        action: 'session.passwordChange',
        ids: [actor.username],
        detail: `${count} other session${count === 1 ? '' : 's'} ended`,
      });
    },
    { user: actor.username },
  );
}

/** Deletes expired sessions (at start; expired ones are otherwise deleted when next presented). */
export async function purgeExpiredSessions(db: Database, lifetimes: SessionLifetimes): Promise<number> {
  const now = Date.now();
  const result = await db.write('session-purge', (tx) =>
    tx.run('sessionPurgeExpired', {
      now: new Date(now).toISOString(),
      idleSince: new Date(now - lifetimes.idleMs).toISOString(),
    }),
  );
  return Number(result.records[0]?.get('purged') ?? 0);
}
