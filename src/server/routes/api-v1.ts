import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticateApiToken, pushActuals } from '../../app/actuals';
import type { ApiToken } from '../../app/ports';
import { PushBody, PushHeaders, PushResult } from '../../contract/actuals';
import type { ServerDeps } from '../context';

declare module 'fastify' {
  interface FastifyRequest {
    /** The integration behind `Authorization: Bearer okpi_…` on /api/v1 routes. */
    apiToken: ApiToken | null;
  }
}

/** Integrations: bearer-token routes under /api/v1 (no session, no CSRF). */
export function apiV1Routes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    app.decorateRequest('apiToken', null);
    app.addHook('onRequest', async (req) => {
      req.apiToken = await authenticateApiToken(store, req.headers.authorization);
    });
    app.post(
      '/v1/actuals',
      {
        config: { public: true },
        bodyLimit: 8 * 1024 * 1024,
        schema: { tags: ['api-v1'], headers: PushHeaders, body: PushBody, response: { 200: PushResult } },
      },
      async (req, reply) => {
        const { result, replayed } = await pushActuals(store, req.apiToken!, deps.now(), req.headers['idempotency-key'], req.body.actuals);
        if (replayed) reply.header('idempotent-replayed', 'true');
        return result;
      },
    );
  };
}
