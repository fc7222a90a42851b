import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Names that always reach this machine itself, whatever HOST says. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/** The hostname of a Host header, lower-cased, without port or IPv6 brackets. */
export function hostnameOf(host: string): string {
  const name = host.trim().toLowerCase();
  if (name.startsWith('['))
    return name.slice(1, name.indexOf(']') > 0 ? name.indexOf(']') : undefined);
  const colon = name.lastIndexOf(':');
  return colon >= 0 ? name.slice(0, colon) : name;
}

/**
 * The names a request's Host header may carry: loopback, the address the app listens on
 * (unless it is a wildcard), and TRACEGRAPH_ALLOWED_HOSTS for deployments behind a name.
 */
export function allowedHostnames(host: string, extra: readonly string[]): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const listening = hostnameOf(host);
  if (listening !== '0.0.0.0' && listening !== '::' && listening !== '') names.add(listening);
  for (const name of extra) names.add(hostnameOf(name));
  return names;
}

/**
 * Refuses a request whose Host header names another site (403): a page on a domain that
 * an attacker has pointed at 127.0.0.1 (DNS rebinding) would otherwise be same-origin with
 * the API and could read it.
 */
export function hostCheck(allowed: ReadonlySet<string>): RequestHandler {
  return (req, res, next) => {
    const name = hostnameOf(req.headers.host ?? '');
    if (allowed.has(name)) return next();
    res
      .status(403)
      .type('text')
      .send(
        `Host "${name}" is not served here. An operator who serves Tracegraph under that ` +
          'name adds it to TRACEGRAPH_ALLOWED_HOSTS (comma-separated).',
      );
  };
}

/**
 * Security headers on every response. The client is bundled (no inline script, nothing
 * from another origin), so scripts come from 'self' only; styles allow inline because
 * GraphiQL and Cytoscape set style attributes; images allow data: and blob: for exports.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    // Served over plain HTTP on loopback: HSTS would only mislead a deployment behind TLS
    // termination that sets its own.
    strictTransportSecurity: false,
  });
}
