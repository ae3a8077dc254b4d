import type { FastifyInstance } from 'fastify';

/**
 * The web app: scripts only from our own origin (the Vite build has no inline script), styles may be
 * inline because Ant Design injects `<style>` at run time (and index.html has one), images may be
 * `data:`/`blob:` (favicon, ECharts export), nothing may frame the app.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** API answers are data, never a page: nothing in them may load or run, even a file opened in the browser. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

const COMMON: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Security headers on every response, errors and 401s included (onSend runs for all of them).
 * A route that sets one of these headers itself keeps its own value.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { secureCookies: boolean }): void {
  app.addHook('onSend', async (request, reply) => {
    const api = request.url.startsWith('/api/');
    const headers: Record<string, string> = {
      ...COMMON,
      'content-security-policy': api ? API_CSP : WEB_CSP,
      ...(api && { 'cache-control': 'no-store' }),
      // HSTS only over HTTPS: on plain HTTP it would lock browsers out of a server that has no certificate.
      ...(options.secureCookies && { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }),
    };
    for (const [name, value] of Object.entries(headers)) if (!reply.hasHeader(name)) reply.header(name, value);
  });
}
