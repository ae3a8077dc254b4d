/**
 * Errors that mean "the database cannot be reached right now" (restart, failover, network), not "this request is wrong":
 * the server answers 503 DB_UNAVAILABLE so clients retry, instead of a 500. The pg pool drops the broken connection and
 * the next request opens a new one, so the app reconnects by itself once the database is back.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown (fast or smart shutdown of the server)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (the server is starting up or shutting down)
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
]);

const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** What node-postgres says when the socket closed under a query, or a client whose connection broke is reused. */
const UNAVAILABLE_MESSAGES = [/^Connection terminated/, /connection error and is not queryable/, /^timeout exceeded when trying to connect$/];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 3) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true; // AggregateError of a dual-stack connect
  return isDatabaseUnavailable(cause, depth + 1);
}
