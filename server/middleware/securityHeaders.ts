/**
 * Security headers (helmet), chosen per request by how it arrived. `upgrade-insecure-requests` and
 * HSTS belong to HTTPS only: sent over plain http to an address a browser does not count as secure
 * (a LAN name, as Docker users open it), the CSP makes the browser fetch the page's scripts and styles
 * over https, which nothing serves, and the page stays blank. Localhost is exempt in browsers, which
 * is why it went unnoticed. `req.secure` is true for TLS, or with TRUST_PROXY for an
 * `X-Forwarded-Proto: https` from the proxy in front (Express 'trust proxy').
 *
 * CSP: https://www.w3.org/TR/upgrade-insecure-requests/ ; helmet: https://helmetjs.github.io/
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

const directives = {
  // Cytoscape sets inline styles on its container; scripts stay same-origin only.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
};

/**
 * helmet's headers, with `upgrade-insecure-requests`, Strict-Transport-Security and
 * Cross-Origin-Opener-Policy only over HTTPS.
 */
export function securityHeaders(): RequestHandler {
  const overHttps = helmet({ contentSecurityPolicy: { directives } });
  const overHttp = helmet({
    contentSecurityPolicy: { directives: { ...directives, 'upgrade-insecure-requests': null } },
    strictTransportSecurity: false,
    // Browsers ignore COOP from an origin they do not trust, and say so in the console as an error.
    crossOriginOpenerPolicy: false,
  });
  return (req, res, next) => (req.secure ? overHttps : overHttp)(req, res, next);
}
