import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SessionActors } from '../app/auth/session-actors';
import { SESSION_COOKIE, requireActor, type ServerDeps } from './context';
import { pickLang } from './lang';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Integrations under /api/v1 authenticate with a bearer token (api-v1.ts), never a cookie: CSRF cannot apply. */
const isBearerRoute = (route: string) => route.startsWith('/api/v1/');

/**
 * Every /api request, in this order, before its body is parsed or validated:
 * 1. the session cookie → acting user (cached, see SessionActors) and the request language;
 * 2. 401 UNAUTHENTICATED on a non-public route without a session;
 * 3. 403 CSRF_INVALID on a state-changing route without a valid CSRF token.
 * Validation (400) comes after both. Unknown routes fall through to the 404 handler.
 */
export function registerAuthHooks(app: FastifyInstance, deps: ServerDeps): void {
  const sessions = new SessionActors(deps.store, { limits: deps.sessionLimits });
  app.decorateRequest('lang', 'vi');
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('dataVersion', null);

  app.addHook('onRequest', async (request) => {
    request.lang = pickLang(request.headers['accept-language'], undefined);
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.dataVersion = await deps.store.dataVersion.read();
      const actor = await sessions.actorFor(token, deps.now(), request.dataVersion);
      if (actor) {
        request.sessionToken = token;
        request.actor = actor;
        request.lang = pickLang(request.headers['accept-language'], actor.user.locale);
      }
    }
    if (apiRoute(request) && !request.routeOptions.config.public) requireActor(request);
  });

  app.addHook('onRequest', (request, reply, done) => {
    const route = apiRoute(request);
    if (route && MUTATING.has(request.method) && !isBearerRoute(route)) return app.csrfProtection(request, reply, done);
    done();
  });
}

/** The matched /api route pattern (e.g. `/api/kpis/:code`), or null for unknown paths and the web app. */
function apiRoute(request: FastifyRequest): string | null {
  const url = request.routeOptions.url;
  return url?.startsWith('/api/') ? url : null;
}
