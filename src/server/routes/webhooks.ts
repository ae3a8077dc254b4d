import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, testWebhook, updateWebhook } from '../../app/webhooks/manage';
import { IdParams, Ok } from '../../contract/common';
import { CreatedWebhook, WEBHOOK_EVENTS, WebhookBody, WebhookDelivery, WebhookDeliveryList, WebhookList } from '../../contract/webhooks';
import { requireActor, type ServerDeps } from '../context';

/** Webhooks and their delivery log. */
export function webhookRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    const tags = ['webhooks'];
    app.get('/webhooks', { schema: { tags, response: { 200: WebhookList } } }, async (req) => ({
      items: await listWebhooks(store, requireActor(req)),
      events: [...WEBHOOK_EVENTS],
    }));
    app.post('/webhooks', { schema: { tags, body: WebhookBody, response: { 201: CreatedWebhook } } }, async (req, reply) => {
      const { webhook, secret } = await createWebhook(store, requireActor(req), req.body);
      return reply.status(201).send({ ...webhook, secret });
    });
    app.put('/webhooks/:id', { schema: { tags, params: IdParams, body: WebhookBody, response: { 200: CreatedWebhook } } }, async (req) => ({
      ...(await updateWebhook(store, requireActor(req), req.params.id, req.body, deps.now())),
      secret: req.body.secret ?? null,
    }));
    app.delete('/webhooks/:id', { schema: { tags, params: IdParams, response: { 200: Ok } } }, async (req) => {
      await deleteWebhook(store, requireActor(req), req.params.id);
      return { ok: true as const };
    });
    app.get('/webhooks/:id/deliveries', { schema: { tags, params: IdParams, response: { 200: WebhookDeliveryList } } }, async (req) => ({
      items: await listDeliveries(store, requireActor(req), req.params.id),
    }));
    app.post('/webhooks/:id/test', { schema: { tags, params: IdParams, response: { 200: WebhookDelivery } } }, async (req) =>
      testWebhook(store, requireActor(req), req.params.id, deps.now()),
    );
  };
}
