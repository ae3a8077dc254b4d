import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * Removed from every log line: headers that carry secrets, and a database error's `detail`, which for a CHECK
 * or NOT NULL violation is the whole failing row ("Failing row contains (…)") — a password hash, an SMTP URL
 * with its password, a webhook secret. The constraint, table and column names stay and say what failed.
 */
export const LOG_REDACT = ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', 'err.detail'];

/** Query parameters whose value is a secret (`?access_token=…`, `?token=…`, `?api_key=…`, `?password=…`). */
const SECRET_PARAM = /token|password|secret|api[-_]?key/i;

/** The URL with the value of every secret-looking query parameter replaced, e.g. `/api/x?token=[REDACTED]`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      return SECRET_PARAM.test(safeDecode(name)) ? `${name}=[REDACTED]` : part;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Fastify's request serializer, with the URL redacted. */
function req(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** Logger options with secret headers and query parameters removed; `false` stays off. */
export function safeLoggerOptions(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  const redact = Array.isArray(base.redact) ? base.redact : (base.redact?.paths ?? []);
  return { ...base, redact: [...new Set([...LOG_REDACT, ...redact])], serializers: { ...base.serializers, req } };
}
