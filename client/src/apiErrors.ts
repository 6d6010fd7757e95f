/**
 * The client's API errors and who hears of them (split from api.ts, which re-exports all of it): every
 * failed request is an ApiError with the server's {code, message} (or a client-side code); a 401 is an
 * UnauthenticatedError; listeners hear when the API is away (the database banner) or the session ended
 * (the sign-in screen, auth/gate.ts).
 */
import type { QueryPosition } from '../../contract/console.ts';

/** What some errors add: where in a console query it lies, and which fields of a request were wrong. */
export interface ApiErrorDetails {
  position?: QueryPosition;
  details?: { path: string; message: string }[];
  /** Seconds the server asks to wait (its Retry-After header, on 429 and 503). */
  retryAfter?: number;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly more: ApiErrorDetails = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * 401 UNAUTHENTICATED: no session, or it ended (expired, signed out elsewhere, user disabled). The page
 * answers it with the sign-in screen (auth/gate.ts), whatever asked.
 */
export class UnauthenticatedError extends ApiError {
  constructor(code: string, message: string) {
    super(401, code, message);
    this.name = 'UnauthenticatedError';
  }
}

/**
 * The words for a refusal the analyst can read: 403 says the role or the share does not allow it
 * (the server's message says which), every other error its own message.
 */
export function refusalWords(error: unknown): string {
  if (error instanceof ApiError && error.status === 403) {
    return error.code === 'CROSS_SITE_REFUSED' || error.code === 'HOST_NOT_ALLOWED'
      ? `Refused by the server: ${error.message}`
      : `Not allowed: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

type UnauthenticatedListener = (error: UnauthenticatedError) => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/**
 * Calls `listener` with every 401 of a request that did not ask for `signIn` (the caller still gets
 * the error): the session is gone. Returns the function that stops it.
 */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

type UnavailableListener = (error: ApiError) => void;
const unavailableListeners = new Set<UnavailableListener>();

/**
 * Whether `error` means the API cannot be used at all for now, whatever was asked: the database is
 * away (503 DATABASE_UNAVAILABLE), the server does not answer (NETWORK), or a proxy in front of it
 * says so (502, 504). Not a cancelled request, a bad parameter or a timeout of one query.
 */
export function isUnavailable(error: ApiError): boolean {
  return (
    error.code === 'DATABASE_UNAVAILABLE' || error.code === 'NETWORK' || error.status === 502 || error.status === 504
  );
}

/**
 * Calls `listener` with every failed request's ApiError for which isUnavailable() holds (the caller
 * still gets the error too), so one place (the database banner) can say what is going on. Returns
 * the function that stops it.
 */
export function onUnavailable(listener: UnavailableListener): () => void {
  unavailableListeners.add(listener);
  return () => unavailableListeners.delete(listener);
}

/** Tells the listeners when `error` means the API is away (or the session ended), and gives it back to be thrown. */
export function noticed(error: unknown, signIn = false): unknown {
  if (error instanceof ApiError && isUnavailable(error)) for (const listener of unavailableListeners) listener(error);
  // INVALID_CREDENTIALS is a password refused (a wrong current password when changing it), not a session ended.
  const ended = error instanceof UnauthenticatedError && !signIn && error.code !== 'INVALID_CREDENTIALS';
  if (ended) for (const listener of unauthenticatedListeners) listener(error);
  return error;
}
