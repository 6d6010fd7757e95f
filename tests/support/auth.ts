/**
 * What tests of sign-in, roles and ownership share: an app with sign-in on, users created through
 * the real service (services/users.ts), and a supertest agent that carries a signed-in session's
 * cookie. Usernames are per test file (the database is shared by the run): prefix them with the file's
 * own word, e.g. `roles-viewer`.
 */
import { pino } from 'pino';
import request from 'supertest';
import { expect } from 'vitest';
import type { Role } from '../../contract/auth.ts';
import { type AppOptions, createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { createUser, deleteUser, getUser } from '../../server/services/users.ts';

/** The password test users get unless told otherwise (12 characters or more, contract/auth.ts). */
export const TEST_PASSWORD = 'correct horse battery';

/** An app on `db` with sign-in on; `options` go to createApp (auth's own fields merged in). */
export function authApp(db: Database, options: Partial<Omit<AppOptions, 'db' | 'logger'>> = {}) {
  return createApp({ db, logger: pino({ level: 'silent' }), ...options, auth: { mode: 'on', ...options.auth } });
}

/**
 * Creates (or re-creates, when a previous run left it) the user `username` with `role` and
 * `password`, through services/users.ts as the `test` admin. Answers the password.
 */
export async function createTestUser(
  db: Database,
  username: string,
  role: Role,
  password = TEST_PASSWORD,
): Promise<string> {
  const actor = { username: 'test', role: 'admin' as const, address: '127.0.0.1' };
  if (await getUser(db, username)) await deleteUser(db, actor, username).catch(() => undefined);
  await createUser(db, actor, { username, password, role });
  return password;
}

/** A supertest agent signed in as `username` (its cookie jar holds the session); fails the test otherwise. */
export async function signedIn(app: Parameters<typeof request>[0], username: string, password = TEST_PASSWORD) {
  const agent = request.agent(app);
  const response = await agent.post('/api/session').send({ username, password });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return agent;
}

/** The session cookie (`atlas_session=…`) a sign-in response set, for a request of another client. */
export function sessionCookieOf(response: { headers: Record<string, unknown> }): string {
  const cookies = ([] as string[]).concat((response.headers['set-cookie'] as string[] | string | undefined) ?? []);
  const cookie = cookies.find((c) => c.startsWith('atlas_session='));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(cookies)}`);
  return cookie.split(';')[0] as string;
}
