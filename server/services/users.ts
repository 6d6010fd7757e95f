/**
 * Accounts (issue 10): create, read, list, change and delete users, and the first admin of a server
 * that starts with sign-in on and no account yet. Passwords are stored only as scrypt hashes
 * (auth/passwords.ts). Every write is audited in its own transaction (services/audit.ts) and takes
 * the acting admin as an Actor; nothing here knows HTTP.
 *
 * The server never runs out of admins: deleting, demoting or disabling the last enabled admin is
 * refused (409 LAST_ADMIN), under the admins' write locks (cypher/userLockAdmins.cypher) so two such
 * changes at once cannot both pass.
 *
 * Usernames are one whatever their case: `Admin` cannot be created beside `admin` (409 USER_EXISTS).
 * Each account stores its name in lower case as `usernameKey`, unique by a constraint (schema.cypher),
 * so two creations at once cannot both pass either. Every lookup (sign-in, PATCH and DELETE
 * /api/users/:username) goes the same way, by that key (cypher/userByUsername.cypher): `A2` finds
 * `a2`, and everything after the lookup (sessions, audit, shares) uses the stored username.
 *
 * Deleting an account hands its investigations to the admin who deletes it and removes it from every
 * share, in the delete's transaction, so an account made later with the same name inherits nothing.
 */
import { randomBytes } from 'node:crypto';
import type { Node } from 'neo4j-driver';
import type { Role, UserDirectory, UserSummary } from '../../contract/auth.ts';
import type { Actor } from '../auth/actor.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Database, Tx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from './audit.ts';

/** A user as stored: the summary and the password hash, which never leaves the server. */
export interface StoredUser extends UserSummary {
  passwordHash: string;
}

/** What PATCH /api/users/:username may change. */
export interface UserChange {
  role?: Role;
  password?: string;
  disabled?: boolean;
}

export const userNotFound = (username: string) =>
  new AppError(404, 'USER_NOT_FOUND', `There is no user ${JSON.stringify(username)}`);

/** The stored user, or undefined. */
export async function getUser(db: Database, username: string): Promise<StoredUser | undefined> {
  return db.read('user-get', (tx) => findUser(tx, username));
}

/**
 * The stored user inside a transaction, or undefined: `username` in any case (the lookup of
 * uniqueness, cypher/userByUsername.cypher). Callers go on with the answer's `username`, the stored one.
 */
export async function findUser(tx: Tx, username: string): Promise<StoredUser | undefined> {
  const result = await tx.run('userByUsername', { username, usernameKey: usernameKeyOf(username) });
  const node = result.records[0]?.get('u') as Node | undefined;
  return node ? storedUserOf(node) : undefined;
}

/** The stored key of a username: the name in lower case (usernames are ASCII, contract/auth.ts). */
export const usernameKeyOf = (username: string) => username.toLowerCase();

/**
 * GET /api/usernames: whom one can share with, the enabled users' usernames and roles, by username;
 * no more about them (no dates, no disabled accounts).
 */
export async function userDirectory(db: Database, actor: Actor): Promise<UserDirectory> {
  const result = await db.read('user-directory', (tx) => tx.run('userDirectory'), { user: actor.username });
  return { users: result.records.map((r) => ({ username: String(r.get('username')), role: r.get('role') as Role })) };
}

/** Every user, by username, without password hashes. */
export async function listUsers(db: Database, actor?: Actor): Promise<UserSummary[]> {
  const result = await db.read('user-list', (tx) => tx.run('userList'), { user: actor?.username });
  return result.records.map((r) => summaryOf(storedUserOf(r.get('u') as Node)));
}

/** Creates a user; 409 USER_EXISTS when the username is taken, in any case. Audited as `user.create`. */
export async function createUser(
  db: Database,
  actor: Actor,
  user: { username: string; password: string; role: Role },
): Promise<UserSummary> {
  const passwordHash = await hashPassword(user.password);
  try {
    return await db.write(
      'user-create',
      async (tx) => {
        const taken = await tx.run('userByKey', { usernameKey: usernameKeyOf(user.username) });
        const holder = taken.records[0]?.get('u') as Node | undefined;
        if (holder) throw userExists(String(holder.properties.username));
        const created = await insertUser(tx, { ...user, passwordHash });
        await recordAudit(tx, actor, { action: 'user.create', ids: [user.username], detail: `role ${user.role}` });
        return created;
      },
      { user: actor.username },
    );
  } catch (error) {
    // Two creations of one username (in any case) at once: a constraint refuses the second.
    if (error instanceof AppError && error.code === 'CONFLICT') throw userExists(user.username);
    throw error;
  }
}

/**
 * Changes a user's role, password or disabled state (`username` in any case). Disabling or setting a
 * password ends all of the user's sessions (an admin resetting it); a role change takes effect at the
 * user's next request. Made a viewer, the user's edit shares become read shares in the same
 * transaction (cypher/userDemoteShares.cypher; the detail says how many), since a viewer never writes.
 * 404 USER_NOT_FOUND; 409 LAST_ADMIN when it would leave no enabled admin. Audited as `user.update`,
 * its ids the username and the investigations whose shares changed.
 */
export async function updateUser(
  db: Database,
  actor: Actor,
  username: string,
  change: UserChange,
): Promise<UserSummary> {
  const passwordHash = change.password === undefined ? null : await hashPassword(change.password);
  return db.write(
    'user-update',
    async (tx) => {
      const losesAdmin = change.role !== undefined && change.role !== 'admin';
      const enabledAdmins = await lockAdmins(tx);
      const before = await findUser(tx, username);
      if (!before) throw userNotFound(username);
      const stored = before.username;
      const wasEnabledAdmin = before.role === 'admin' && !before.disabled;
      if (wasEnabledAdmin && (losesAdmin || change.disabled === true) && enabledAdmins <= 1) {
        throw lastAdmin(stored, losesAdmin ? 'demoted' : 'disabled');
      }
      const result = await tx.run('userUpdate', {
        username: stored,
        role: change.role ?? null,
        passwordHash,
        disabled: change.disabled ?? null,
      });
      const after = storedUserOf(result.records[0]?.get('u') as Node);
      if (passwordHash !== null || change.disabled === true) {
        await tx.run('sessionEndAllOfUser', { username: stored, keepTokenHash: null });
      }
      let readOnly: string[] = [];
      if (change.role === 'viewer' && before.role !== 'viewer') {
        const demoted = await tx.run('userDemoteShares', { username: stored });
        readOnly = (demoted.records[0]?.get('ids') as string[] | undefined) ?? [];
      }
      let detail = describeChange(before, change);
      if (readOnly.length > 0) detail += `; ${plural(readOnly.length, 'edit share')} made read-only`;
      await recordAudit(tx, actor, { action: 'user.update', ids: [stored, ...readOnly], detail });
      return summaryOf(after);
    },
    { user: actor.username },
  );
}

/**
 * Deletes a user (`username` in any case), in one transaction: their sessions end, their investigations (the bin's included)
 * go to `actor`, the deleting admin, and every share naming them is removed
 * (cypher/userDeleteHandOver.cypher). 404 USER_NOT_FOUND; 409 LAST_ADMIN; 409 SELF_DELETE for an
 * admin deleting themself (whom would their investigations go to?). Audited as `user.delete`: its ids
 * the username, then the investigations handed over, then those whose shares changed; the detail says
 * how many went to whom. Answers the number handed over.
 */
export async function deleteUser(db: Database, actor: Actor, username: string): Promise<{ handedOver: number }> {
  return db.write(
    'user-delete',
    async (tx) => {
      const enabledAdmins = await lockAdmins(tx);
      const user = await findUser(tx, username);
      if (!user) throw userNotFound(username);
      const stored = user.username;
      if (user.role === 'admin' && !user.disabled && enabledAdmins <= 1) throw lastAdmin(stored, 'deleted');
      if (actor.username === stored) {
        throw new AppError(409, 'SELF_DELETE', 'You cannot delete your own account: ask another admin to');
      }
      await tx.run('sessionEndAllOfUser', { username: stored, keepTokenHash: null });
      const handed = await tx.run('userDeleteHandOver', { username: stored, heir: actor.username });
      const handedOver = (handed.records[0]?.get('handedOver') as string[] | undefined) ?? [];
      const unshared = (handed.records[0]?.get('unshared') as string[] | undefined) ?? [];
      await tx.run('userDelete', { username: stored });
      const detail =
        `role ${user.role}; ${plural(handedOver.length, 'investigation')} handed to ${actor.username}` +
        `; removed from the shares of ${unshared.length}`;
      await recordAudit(tx, actor, { action: 'user.delete', ids: [stored, ...handedOver, ...unshared], detail });
      return { handedOver: handedOver.length };
    },
    { user: actor.username },
  );
}

/** What bootstrapAdmin did: created the first admin (and, when none was given, the password it made up). */
export interface Bootstrap {
  created: boolean;
  username: string;
  /** Set only when the password was generated: the one time it is ever shown. */
  generatedPassword?: string;
}

/**
 * Creates the first admin when there is no user at all (a server's first start with sign-in on):
 * `username` with `password`, or a random 24-character password when none is given (the caller
 * prints it once). Does nothing when any user exists. Audited as `user.create` by `system`.
 */
export async function bootstrapAdmin(db: Database, admin: { username: string; password?: string }): Promise<Bootstrap> {
  const generatedPassword = admin.password ? undefined : randomBytes(18).toString('base64url');
  const password = admin.password ?? (generatedPassword as string);
  const passwordHash = await hashPassword(password);
  try {
    const created = await db.write('user-bootstrap', async (tx) => {
      const count = await tx.run('userCount');
      if (Number(count.records[0]?.get('users') ?? 0) > 0) return false;
      await insertUser(tx, { username: admin.username, role: 'admin', passwordHash });
      await recordAudit(
        tx,
        { username: 'system', address: 'local' },
        { action: 'user.create', ids: [admin.username], detail: 'first admin, role admin' },
      );
      return true;
    });
    return created ? { created, username: admin.username, generatedPassword } : { created, username: admin.username };
  } catch (error) {
    // Two processes starting at once both found no user: the other one created it.
    if (error instanceof AppError && error.code === 'CONFLICT') return { created: false, username: admin.username };
    throw error;
  }
}

/**
 * Gives accounts made before usernames were one whatever their case their lower-case key (main.ts, at
 * start, next to bootstrapAdmin). Idempotent; safe with two processes starting at once (the constraint
 * refuses a race, and the next start finishes the work). Answers the usernames left without a key
 * because an older account differs from them only by case: they still sign in, and the caller logs
 * them so an admin renames or deletes one.
 */
export async function migrateUsernameKeys(db: Database): Promise<string[]> {
  try {
    return await db.write('user-migrate-keys', async (tx) => {
      const missing = await tx.run('userKeysMissing');
      const clashes: string[] = [];
      for (const record of missing.records) {
        const username = String(record.get('username'));
        const set = await tx.run('userSetKey', { username, usernameKey: usernameKeyOf(username) });
        if (set.records.length === 0) clashes.push(username);
      }
      return clashes;
    });
  } catch (error) {
    // Another process is migrating the same accounts at this moment: its work is ours.
    if (error instanceof AppError && error.code === 'CONFLICT') return [];
    throw error;
  }
}

async function insertUser(tx: Tx, user: { username: string; role: Role; passwordHash: string }) {
  const result = await tx.run('userCreate', {
    ...user,
    usernameKey: usernameKeyOf(user.username),
    now: new Date().toISOString(),
  });
  return summaryOf(storedUserOf(result.records[0]?.get('u') as Node));
}

async function lockAdmins(tx: Tx): Promise<number> {
  const result = await tx.run('userLockAdmins');
  return Number(result.records[0]?.get('enabledAdmins') ?? 0);
}

function describeChange(before: StoredUser, change: UserChange): string {
  const parts: string[] = [];
  if (change.role !== undefined && change.role !== before.role) parts.push(`role ${before.role} → ${change.role}`);
  if (change.password !== undefined) parts.push('password set');
  if (change.disabled !== undefined && change.disabled !== before.disabled) {
    parts.push(change.disabled ? 'disabled' : 'enabled');
  }
  return parts.join(', ') || 'no change';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const userExists = (username: string) =>
  new AppError(409, 'USER_EXISTS', `There is already a user ${JSON.stringify(username)}`);

const lastAdmin = (username: string, what: string) =>
  new AppError(
    409,
    'LAST_ADMIN',
    `${username} is the last enabled admin and cannot be ${what}: make another user an admin first`,
  );

/** The summary of a stored user: everything but the password hash. */
export function summaryOf({ passwordHash: _, ...summary }: StoredUser): UserSummary {
  return summary;
}

function storedUserOf(node: Node): StoredUser {
  const p = node.properties as Record<string, unknown>;
  return {
    username: String(p.username),
    role: p.role as Role,
    createdAt: String(p.createdAt),
    lastSignInAt: typeof p.lastSignInAt === 'string' ? p.lastSignInAt : null,
    disabled: p.disabled === true,
    passwordHash: String(p.passwordHash),
  };
}
