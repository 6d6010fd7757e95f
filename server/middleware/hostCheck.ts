/**
 * The Host check (issue 10): a request whose Host header names none of the configured names is
 * answered 421 HOST_NOT_ALLOWED before anything else. This is what stops DNS rebinding: a page on
 * evil.example whose name is made to resolve to 127.0.0.1 reaches the laptop's port, but its
 * requests carry `Host: evil.example` (browsers send the name they resolved), so none of them is
 * served. Checked in both modes: without sign-in it is the only thing between such a page and the API.
 * Behind a proxy, the proxy must pass the Host it received (nginx: `proxy_set_header Host $host`) and
 * ALLOWED_HOSTS must list that name. Hosts compare without their port and without case.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

/** The names every server answers to: the loopback ones. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** The hostname of a Host header (`[::1]:8080` → `[::1]`, `Atlas.Example:443` → `atlas.example`), or ''. */
export function hostnameOf(host: string | undefined): string {
  if (!host) return '';
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end < 0 ? '' : h.slice(0, end + 1);
  }
  const colon = h.indexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

/** Normalizes a configured name: lower case, IPv6 in brackets, no port. */
export function normalizeHost(name: string): string {
  const n = name.trim().toLowerCase();
  if (n.includes(':') && !n.startsWith('[')) return `[${n}]`; // a bare IPv6 address
  return hostnameOf(n);
}

/** 421 HOST_NOT_ALLOWED unless the request's Host is one of `allowed` (names as normalizeHost makes them). */
export function hostCheck(allowed: readonly string[]): RequestHandler {
  const names = new Set(allowed.map(normalizeHost));
  return (req, res, next) => {
    if (names.has(hostnameOf(req.headers.host))) return next();
    // The body, if any, is not read.
    res.setHeader('Connection', 'close');
    next(
      new AppError(
        421,
        'HOST_NOT_ALLOWED',
        'This server does not answer to that host name; add it to ALLOWED_HOSTS if it is really this server',
      ),
    );
  };
}
