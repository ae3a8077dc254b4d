import type { FastifyInstance } from 'fastify';
import { resolveActor } from '../app/actor';
import { userForSession } from '../app/auth/sessions';
import { SESSION_COOKIE, requireActor, type ServerDeps } from './context';
import { pickLang } from './lang';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Session → actor, request language, CSRF on every state-changing /api request. */
export function registerAuthHooks(app: FastifyInstance, deps: ServerDeps): void {
  app.decorateRequest('lang', 'vi');
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request) => {
    request.lang = pickLang(request.headers['accept-language'], undefined);
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const user = await userForSession(deps.store, token, deps.now());
      if (user) {
        request.sessionToken = token;
        request.actor = await resolveActor(deps.store, user);
        request.lang = pickLang(request.headers['accept-language'], user.locale);
      }
    }
  });

  app.addHook('onRequest', (request, reply, done) => {
    // Integrations under /api/v1 authenticate with a bearer token, never a cookie: CSRF cannot apply.
    const tokenCall = request.url.startsWith('/api/v1/') && !request.headers.cookie;
    if (request.url.startsWith('/api/') && MUTATING.has(request.method) && !tokenCall) return app.csrfProtection(request, reply, done);
    done();
  });

  app.addHook('preHandler', async (request) => {
    const route = request.routeOptions.url ?? '';
    if (route.startsWith('/api/') && !request.routeOptions.config.public) requireActor(request);
  });
}
