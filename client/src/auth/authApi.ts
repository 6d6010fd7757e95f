/**
 * The client's calls about users (issue 10): the session (who is signed in, sign in, sign out, change
 * one's password), the users admins manage, and the audit trail. api.ts does the HTTP; this module
 * names the routes of server/routes/{session,users,audit}.ts and parses answers with contract/auth.ts.
 * Failures are api.ts's ApiErrors (401 an UnauthenticatedError; 429 carries `retryAfter` in seconds).
 */
import { z } from 'zod';
import {
  type AuditAction,
  type AuditEntry,
  auditEntry,
  auditPage,
  type Role,
  type SessionUser,
  sessionAnswer,
  type UserDirectory,
  type UserSummary,
  userDirectory,
  userList,
} from '../../../contract/auth.ts';
import { errorBody } from '../../../contract/api.ts';
import { ApiError, requestJson, UnauthenticatedError } from '../api.ts';

/** Writes whose answer the UI does not read (it reads the list again): any JSON, or none (204). */
const anything = z.unknown();
const enc = encodeURIComponent;

/** The audit trail's filters as the admin panel holds them; dates are ISO instants ([since, until)). */
export interface AuditFilters {
  user?: string;
  action?: AuditAction;
  since?: string;
  until?: string;
}

/** The query string of the audit trail's filters (and paging/format), empty values left out. */
export function auditQueryString(filters: AuditFilters, more: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...more })) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const authApi = {
  /**
   * Who this page acts for: the signed-in user, or with sign-in off (AUTH=off) the one local admin
   * (`auth: false`). Answers null when nobody is signed in (401). A server without the route (404,
   * older than issue 10) is single-user too.
   */
  async session(): Promise<SessionUser | null> {
    try {
      return (await requestJson('/api/session', sessionAnswer, { signIn: true })).user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      if (error instanceof ApiError && error.status === 404) return { username: 'local', role: 'admin', auth: false };
      throw error;
    }
  },

  /** Signs in (the server sets the session cookie). Throws 401 for wrong credentials, 429 with `retryAfter`. */
  async signIn(username: string, password: string): Promise<SessionUser> {
    const payload = { username, password };
    return (await requestJson('/api/session', sessionAnswer, { payload, method: 'POST', signIn: true })).user;
  },

  /** Ends this session on the server (and its cookie). */
  async signOut(): Promise<void> {
    await requestJson('/api/session', anything, { method: 'DELETE', signIn: true });
  },

  /** Changes the signed-in user's password; 400/403 with the server's words when refused. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await requestJson('/api/session/password', anything, { payload: { currentPassword, newPassword }, method: 'PUT' });
  },

  /**
   * Whom one can share with (GET /api/usernames, analysts and admins): enabled users and their roles.
   * A server without the route (404) answers an empty list: the share dialog then takes typed names.
   */
  async usernames(): Promise<UserDirectory['users']> {
    try {
      return (await requestJson('/api/usernames', userDirectory)).users;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return [];
      throw error;
    }
  },

  /** Every user (admins). */
  async users(): Promise<UserSummary[]> {
    return (await requestJson('/api/users', userList)).users;
  },

  async createUser(username: string, password: string, role: Role): Promise<void> {
    await requestJson('/api/users', anything, { payload: { username, password, role }, method: 'POST' });
  },

  /** Changes a user's role, password or disabled flag; 409 when it would leave no admin. */
  async updateUser(username: string, change: { role?: Role; password?: string; disabled?: boolean }): Promise<void> {
    await requestJson(`/api/users/${enc(username)}`, anything, { payload: change, method: 'PATCH' });
  },

  /** Deletes a user; 409 for the last admin. */
  async deleteUser(username: string): Promise<void> {
    await requestJson(`/api/users/${enc(username)}`, anything, { method: 'DELETE' });
  },

  /** A page of the audit trail, newest first; `before` is the previous page's `next`. */
  audit(filters: AuditFilters, before?: string, signal?: AbortSignal) {
    return requestJson(`/api/audit${auditQueryString(filters, { before, limit: '50' })}`, auditPage, { signal });
  },

  /**
   * Every entry that matches, as the JSON lines the server exports (GET /api/audit?format=jsonl), each
   * line checked against the contract so a download never holds what the page could not read.
   */
  async auditLines(filters: AuditFilters): Promise<{ text: string; entries: AuditEntry[] }> {
    let response: Response;
    try {
      response = await fetch(`/api/audit${auditQueryString(filters, { format: 'jsonl' })}`, {
        headers: { accept: 'application/x-ndjson' },
      });
    } catch (err) {
      throw new ApiError(0, 'NETWORK', `The server did not answer (${(err as Error).message})`);
    }
    if (!response.ok) {
      const parsed = errorBody.safeParse(await response.json().catch(() => null));
      if (!parsed.success) throw new ApiError(response.status, 'HTTP_ERROR', `The server answered ${response.status}`);
      const { code, message } = parsed.data.error;
      throw response.status === 401
        ? new UnauthenticatedError(code, message)
        : new ApiError(response.status, code, message);
    }
    const text = await response.text();
    const entries = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => auditEntry.parse(JSON.parse(line)));
    return { text, entries };
  },
};

export type AuthApi = typeof authApi;
