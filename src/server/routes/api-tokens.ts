import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../app/actuals';
import { IdParams } from '../../contract/common';
import { ApiToken, ApiTokenList, CreateApiTokenBody, CreatedApiToken } from '../../contract/actuals';
import { requireActor, type ServerDeps } from '../context';

/** Admins manage the tokens integrations push actuals with. */
export function apiTokenRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    app.post('/api-tokens', { schema: { tags: ['api-tokens'], body: CreateApiTokenBody, response: { 201: CreatedApiToken } } }, async (req, reply) => {
      const { token, apiToken } = await createApiToken(store, requireActor(req), req.body);
      return reply.status(201).send({ ...apiToken, token });
    });
    app.get('/api-tokens', { schema: { tags: ['api-tokens'], response: { 200: ApiTokenList } } }, async (req) => ({
      items: await listApiTokens(store, requireActor(req)),
    }));
    app.post('/api-tokens/:id/revoke', { schema: { tags: ['api-tokens'], params: IdParams, response: { 200: ApiToken } } }, async (req) =>
      revokeApiToken(store, requireActor(req), req.params.id),
    );
  };
}
