import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authenticateApiToken, pushActuals } from '../../app/actuals';
import type { ApiToken } from '../../app/ports';
import { DomainError } from '../../core/errors';
import { PushBody, PushHeaders, PushResult } from '../../contract/actuals';
import type { ServerDeps } from '../context';
import { errorHandler } from '../error-handler';

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
    // Until the shared error handler maps IDEMPOTENCY_KEY_REUSED to 409.
    app.setErrorHandler((error, req, reply) => {
      if (error instanceof DomainError && error.code === 'IDEMPOTENCY_KEY_REUSED') {
        return reply.status(409).send({ error: { code: error.code, message: error.localized[req.lang] } });
      }
      return errorHandler(error as FastifyError, req, reply);
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
