/**
 * Refuses cross-site writes (CSRF), the way Go 1.25's net/http CrossOriginProtection does
 * (https://pkg.go.dev/net/http#CrossOriginProtection; OWASP CSRF Prevention Cheat Sheet, "Fetch
 * Metadata headers" and "Verifying Origin with standard headers"): on POST, PUT, PATCH and DELETE,
 * - `Sec-Fetch-Site` present: only `same-origin` and `none` (typed in the address bar) pass;
 * - else an `Origin` present: it passes only when its host:port is the request's Host;
 * - neither (curl, scripts, older browsers' same-origin requests): passes.
 * Every browser that sends cookies with cross-site requests sends one of the two headers, so the
 * client needs no token. Applies with sign-in off too: a laptop's localhost is a target as well.
 */
import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const refused = () =>
  new AppError(403, 'CROSS_SITE_REFUSED', 'A write from another site is refused; use Faction Atlas itself');

/** Whether `origin` (an Origin header) names the same host:port as `host` (the Host header). */
function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false; // `null` and other opaque origins
  }
}

/** 403 CROSS_SITE_REFUSED for a write that a browser says (or whose Origin shows) comes from another site. */
export const crossSiteCheck: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  const allowed =
    site !== undefined
      ? site === 'same-origin' || site === 'none'
      : origin === undefined || sameHost(origin, req.headers.host);
  if (allowed) return next();
  res.setHeader('Connection', 'close');
  next(refused());
};
