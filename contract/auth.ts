/**
 * The wire format of users, sessions, sharing and the audit trail (issue 10). The server validates
 * requests with these schemas and builds its OpenAPI document from them; the client parses answers
 * with them.
 *
 * Roles, from least to most: `viewer` explores, runs console queries and reads the investigations
 * shared with them; `analyst` also owns investigations and imports; `admin` also manages users and
 * reads the audit trail. (Linkurious Enterprise's built-in groups are the model: read-only, analyst,
 * admin; https://doc.linkurious.com/admin-manual/latest/access-control/.)
 */
import { z } from 'zod';

export const ROLES = ['viewer', 'analyst', 'admin'] as const;

/** Names no account may take, in any case (see `username`). */
export const RESERVED_USERNAMES: readonly string[] = ['local', 'system'];
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

/** Whether `have` is at least `need` in the order viewer < analyst < admin. */
export const roleAtLeast = (have: Role, need: Role): boolean => ROLES.indexOf(have) >= ROLES.indexOf(need);

/**
 * Usernames: 1–64 characters, letters, digits and `.`, `_`, `-` (no spaces, no look-alike controls).
 * One name whatever its case: `Admin` cannot be created beside `admin` (users.ts keeps them unique
 * by their lower case). `*` is not a username: in a share it means everyone. `local` and `system`
 * are reserved, in any case.
 */
export const username = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may hold letters, digits, ".", "_" and "-", and start with a letter or digit')
  // `local` is the one user of a server without sign-in, who owns every investigation (auth/actor.ts):
  // an account of that name would own them all once signed in. `system` is who the audit trail names
  // for what the server does itself (the first admin's creation).
  .refine((u) => !RESERVED_USERNAMES.includes(u.toLowerCase()), {
    message: 'is reserved ("local" is the server without sign-in, "system" the server itself)',
  });

/**
 * Passwords: at least 12 characters and at most 256 (NIST SP 800-63B §3.1.1.2 asks for at least 8
 * and to allow at least 64; no composition rules). The upper bound keeps one sign-in's hashing small.
 */
export const password = z.string().min(12, 'must be at least 12 characters').max(256);

/** POST /api/session. */
export const signInRequest = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** The user a session belongs to: GET /api/session, and the answer to a sign-in. */
export const sessionUser = z.object({
  // Not `username`: with sign-in off the answer names the reserved local user, which no account may take.
  username: z.string().min(1).max(64),
  role,
  /** Whether the server runs with sign-in (AUTH=on); off, the one local user is an admin. */
  auth: z.boolean(),
});
export const sessionAnswer = z.object({ user: sessionUser });
export type SessionUser = z.infer<typeof sessionUser>;

/** PUT /api/session/password: the signed-in user changes their own password. */
export const passwordChangeRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: password,
});

const instant = z.string().datetime({ offset: true });

/** A user as admins see them (GET /api/users); never the password or its hash. */
export const userSummary = z.object({
  username,
  role,
  createdAt: instant,
  /** Last successful sign-in, or null. */
  lastSignInAt: instant.nullable(),
  /** A disabled user cannot sign in and their sessions are ended. */
  disabled: z.boolean(),
});
export type UserSummary = z.infer<typeof userSummary>;
export const userList = z.object({ users: z.array(userSummary) });

/** POST /api/users (admins). */
export const createUserRequest = z.strictObject({ username, password, role });
/** PATCH /api/users/:username (admins): any of role, a new password, disabled. */
export const updateUserRequest = z
  .strictObject({ role: role.optional(), password: password.optional(), disabled: z.boolean().optional() })
  .refine((u) => u.role !== undefined || u.password !== undefined || u.disabled !== undefined, {
    message: 'give at least one of role, password, disabled',
  });
export const usernameParam = z.object({ username });

/**
 * GET /api/usernames (analysts and admins: whoever may share): the enabled users one can share with,
 * and their roles, so the share dialog offers viewers read access only. No more than that.
 */
export const userDirectory = z.object({ users: z.array(z.object({ username: z.string(), role })) });
export type UserDirectory = z.infer<typeof userDirectory>;

/** Access a share grants: `read` opens it read-only, `edit` may save it too. Only the owner shares, bins or restores. */
export const SHARE_ACCESS = ['read', 'edit'] as const;
export const shareAccess = z.enum(SHARE_ACCESS);
export type ShareAccess = z.infer<typeof shareAccess>;

/** One share of an investigation: with a user, or with everyone signed in (`everyone`). */
export const share = z.object({ username: z.union([username, z.literal('*')]), access: shareAccess });
export type Share = z.infer<typeof share>;

/**
 * PUT /api/investigations/:id/shares (its owner only): the whole list of shares, replacing the old
 * one. `{ username: '*' }` shares with everyone signed in. One entry per username.
 */
export const sharesRequest = z.strictObject({
  shares: z
    .array(share)
    .max(500)
    .refine((s) => new Set(s.map((x) => x.username)).size === s.length, { message: 'one share per username' }),
});

/**
 * What an investigation's summary and full answer carry about who may do what: the owner, its shares
 * (the owner sees them all; others see only theirs), and what the asking user may do with it.
 */
export const investigationAccess = z.object({
  owner: z.string(),
  shares: z.array(share),
  /** `owner`, `edit` or `read`: what the asking user may do (owner also shares, bins and restores). */
  access: z.enum(['owner', 'edit', 'read']),
});
export type InvestigationAccess = z.infer<typeof investigationAccess>;

/**
 * Kinds of audit entry: every write, and every sign-in attempt. `import` writes the network;
 * `investigation.*` the workspace; `user.*` and `session.*` the accounts.
 */
export const AUDIT_ACTIONS = [
  'session.signIn',
  'session.signInFailed',
  'session.signOut',
  'session.signInLimited',
  'session.passwordChange',
  'session.passwordChangeFailed',
  'user.create',
  'user.update',
  'user.delete',
  'import',
  'import.start',
  'import.rollback',
  'node.merge',
  'node.sameAs',
  'node.add',
  'node.edit',
  'claim.add',
  'claim.correct',
  'claim.retract',
  'source.add',
  'source.edit',
  'investigation.create',
  'investigation.import',
  'investigation.save',
  'investigation.delete',
  'investigation.undelete',
  'investigation.restore',
  'investigation.share',
] as const;
export const auditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditAction>;

/** One audit entry: who, when, what, from which address, and the ids it touched. Append-only. */
export const auditEntry = z.object({
  id: z.string(),
  at: instant,
  /** The user (for a failed sign-in: the username tried). */
  username: z.string(),
  action: auditAction,
  /** The client's address (X-Forwarded-For's when TRUST_PROXY is set). */
  address: z.string(),
  /** What was touched: investigation ids, usernames, the node and relationship ids an import wrote. */
  ids: z.array(z.string()),
  /** A short account of the write (`role analyst → admin`, `12 nodes, 30 relationships`). */
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/**
 * GET /api/audit (admins): newest first, filtered by user, action and an interval of `at`
 * ([since, until), ISO 8601 instants); `before` (an entry id) pages on. `format=jsonl` answers JSON lines
 * (`application/x-ndjson`, one entry per line, every entry that matches) for export.
 */
export const auditQuery = z.object({
  user: z.string().max(64).optional(),
  action: auditAction.optional(),
  since: instant.optional(),
  until: instant.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.string().max(100).optional(),
  format: z.enum(['json', 'jsonl']).default('json'),
});
export const auditPage = z.object({
  entries: z.array(auditEntry),
  /** Pass as `before` for the next (older) page; null at the end. */
  next: z.string().nullable(),
});
