/**
 * Who the transactions of a request run for, without passing a user through every service: the
 * request's handler runs inside `runAsUser` (app.ts, after the body is read) and db/database.ts
 * writes `currentUser()` into each transaction's metadata, so the database's own SHOW TRANSACTIONS
 * tells who runs what, reads included. An explicit `user` (imports, investigation writes, the
 * console) wins. Node's AsyncLocalStorage (https://nodejs.org/api/async_context.html) carries it
 * across the handler's awaits.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request, RequestHandler, Response } from 'express';

const users = new AsyncLocalStorage<string>();

/** Runs `work` with `user` as the user of every transaction it starts. */
export function runAsUser<T>(user: string, work: () => T): T {
  return users.run(user, work);
}

/** The user of the request being handled, if any (none for the app's own work: seed, purge, schema). */
export function currentUser(): string | undefined {
  return users.getStore();
}

/**
 * Middleware: the rest of the request runs as `userOf(req, res)` (undefined: as nobody, e.g. a stranger
 * signing in). Mount it after the body parsers:
 * a body read from the socket resumes in the connection's async context, not the request's.
 */
export function transactionsRunAs(userOf: (req: Request, res: Response) => string | undefined): RequestHandler {
  return (req, res, next) => {
    const user = userOf(req, res);
    if (user === undefined) next();
    else runAsUser(user, next);
  };
}
