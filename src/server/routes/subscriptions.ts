import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getDigest } from '../../app/subscriptions/digest';
import { listMySubscriptions, subscribe, unsubscribe } from '../../app/subscriptions/manage';
import type { Subscription as SubscriptionRecord } from '../../app/subscriptions/ports';
import { parseScope } from '../../app/scope';
import { CreateSubscriptionBody, Deleted, DigestQuery, DigestResponse, Subscription, SubscriptionList, SubscriptionParams } from '../../contract/subscriptions';
import { requireActor, type ServerDeps } from '../context';

const present = (s: SubscriptionRecord) => ({
  id: s.id,
  report: s.report,
  cadence: s.cadence,
  format: s.format,
  scope: s.scope,
  lastSentKey: s.lastSentKey,
  createdAt: s.createdAt.toISOString(),
});

/** One's own report subscriptions and the management digest. */
export function subscriptionRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  const { store } = deps;
  return async (app) => {
    const tags = ['subscriptions'];
    app.get('/subscriptions', { schema: { tags, response: { 200: SubscriptionList } } }, async (req) => ({
      items: (await listMySubscriptions(store, requireActor(req))).map(present),
    }));
    app.post('/subscriptions', { schema: { tags, body: CreateSubscriptionBody, response: { 201: Subscription } } }, async (req, reply) => {
      const created = await subscribe(store, requireActor(req), req.body);
      return reply.code(201).send(present(created));
    });
    app.delete('/subscriptions/:id', { schema: { tags, params: SubscriptionParams, response: { 200: Deleted } } }, async (req) => {
      await unsubscribe(store, requireActor(req), req.params.id);
      return { ok: true as const };
    });
    app.get('/reports/digest', { schema: { tags, querystring: DigestQuery, response: { 200: DigestResponse } } }, async (req) =>
      getDigest(store, requireActor(req), { period: req.query.period, scope: parseScope(req.query.scope), now: deps.now() }),
    );
  };
}
