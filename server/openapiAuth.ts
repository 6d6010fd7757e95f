/**
 * The account routes in the OpenAPI document (openapi.ts builds the rest): the session (sign-in and
 * out, who am I, password change), users, the directory of usernames and the audit trail, from the schemas of contract/auth.ts
 * that the routes validate with.
 */
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { errorBody } from '../contract/api.ts';
import * as auth from '../contract/auth.ts';

type Json = (schema: z.ZodType, description: string) => object;

/** Registers /api/session, /api/users and /api/audit with their request and answer schemas and errors. */
export function registerAuthPaths(registry: OpenAPIRegistry, json: Json): void {
  const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });
  const none = (description: string) => ({ description });
  const base = {
    400: json(errorBody, 'Invalid parameters or body: the message names the field'),
    401: json(errorBody, 'UNAUTHENTICATED: no session (sign in first)'),
    403: json(errorBody, 'FORBIDDEN: needs a higher role; CROSS_SITE_REFUSED: a write from another site'),
    413: json(errorBody, 'Body larger than 16 KiB'),
    429: json(errorBody, 'TOO_MANY_WRITES: past WRITES_PER_MINUTE; wait Retry-After seconds'),
    503: json(errorBody, 'The database is not answering'),
  };
  const authOff = { 409: json(errorBody, 'AUTH_OFF: the server runs without sign-in') };
  const path = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', p: string, summary: string, rest: object) =>
    registry.registerPath({ method, path: `/api${p}`, summary, ...rest } as Parameters<
      OpenAPIRegistry['registerPath']
    >[0]);

  path('post', '/session', 'Sign in: sets the HttpOnly, SameSite=Lax session cookie (Secure over HTTPS)', {
    request: body(auth.signInRequest),
    responses: {
      200: json(auth.sessionAnswer, 'Signed in'),
      ...base,
      401: json(
        errorBody,
        'INVALID_CREDENTIALS: wrong username or password, or a disabled account (the same answer for all three)',
      ),
      403: json(errorBody, 'CROSS_SITE_REFUSED'),
      429: json(errorBody, 'TOO_MANY_SIGN_INS: too many failures; wait Retry-After seconds'),
      ...authOff,
    },
  });
  path('get', '/session', 'Who the request acts for (with sign-in off: the local admin, auth false)', {
    responses: { 200: json(auth.sessionAnswer, 'The signed-in user'), 401: base[401], 503: base[503] },
  });
  path('delete', '/session', 'Sign out: ends the session and clears the cookie', {
    responses: { 204: none('Signed out (also when there was no session)'), 403: base[403], 503: base[503] },
  });
  path('put', '/session/password', 'Change the signed-in user’s password; their other sessions end', {
    request: body(auth.passwordChangeRequest),
    responses: {
      204: none('Changed'),
      ...base,
      400: json(errorBody, 'Invalid body, or SAME_PASSWORD: the new password is the current one (nothing changed)'),
      401: json(errorBody, 'UNAUTHENTICATED, or INVALID_CREDENTIALS: the current password is wrong'),
      429: json(errorBody, 'TOO_MANY_PASSWORD_CHANGES: too many wrong current passwords; or TOO_MANY_WRITES'),
      ...authOff,
    },
  });

  const admins = { ...base, 403: json(errorBody, 'FORBIDDEN: admins only; or CROSS_SITE_REFUSED') };
  const user = { params: auth.usernameParam };
  const notFound = { 404: json(errorBody, 'USER_NOT_FOUND') };
  const lastAdmin = { 409: json(errorBody, 'LAST_ADMIN: it would leave no enabled admin; nothing changed') };
  path('get', '/users', 'Every user (admins)', { responses: { 200: json(auth.userList, 'By username'), ...admins } });
  path('post', '/users', 'Create a user (admins)', {
    request: body(auth.createUserRequest),
    responses: {
      201: json(auth.userSummary, 'Created'),
      ...admins,
      400: json(errorBody, 'Invalid body; a reserved username (local, system, in any case)'),
      409: json(errorBody, 'USER_EXISTS: the username is taken, in any case'),
    },
  });
  path(
    'patch',
    '/users/{username}',
    'Change a user’s role, password or disabled state (admins); a new password or disabling ends their sessions',
    {
      request: { ...user, ...body(auth.updateUserRequest) },
      responses: { 200: json(auth.userSummary, 'Changed'), ...admins, ...notFound, ...lastAdmin },
    },
  );
  path(
    'delete',
    '/users/{username}',
    'Delete a user (admins): their sessions end, their investigations go to the deleting admin, their shares go',
    {
      request: user,
      responses: {
        204: none('Deleted'),
        ...admins,
        ...notFound,
        409: json(errorBody, 'LAST_ADMIN: it would leave no enabled admin; SELF_DELETE: one’s own account'),
      },
    },
  );
  path('get', '/usernames', 'Whom one can share with (analysts and admins): enabled users’ usernames and roles', {
    responses: {
      200: json(auth.userDirectory, 'By username'),
      401: base[401],
      403: json(errorBody, 'FORBIDDEN: analysts and admins only'),
      503: base[503],
    },
  });

  path('get', '/audit', 'The audit trail (admins): newest first, filtered; format=jsonl exports every match', {
    request: { query: auth.auditQuery },
    responses: {
      200: {
        description: 'A page (JSON), or every matching entry as JSON lines (format=jsonl)',
        content: {
          'application/json': { schema: auth.auditPage },
          'application/x-ndjson': { schema: z.string().describe('One audit entry (JSON) per line') },
        },
      },
      ...admins,
    },
  });
}
