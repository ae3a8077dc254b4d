import { randomBytes } from 'node:crypto';
import { auditActor, type Actor } from '../actor';
import { COMPANY, notFound, policy } from '../policy';
import type { Store } from '../ports';
import type { Webhook, WebhookDelivery, WebhookWrite } from './ports';
import { postWebhook, webhookBody } from './send';

const WEBHOOK = { vi: 'webhook', en: 'Webhook' };

export interface WebhookInput extends WebhookWrite {
  secret?: string | undefined;
}

const audited = (w: Webhook) => ({ name: w.name, url: w.url, events: w.events, active: w.active });

export async function listWebhooks(store: Store, actor: Actor): Promise<Webhook[]> {
  policy.require(actor, 'webhook.manage', COMPANY);
  return store.webhooks.list();
}

/** Creates a webhook; the secret (given, or generated here) is returned this once and never again. */
export async function createWebhook(store: Store, actor: Actor, input: WebhookInput): Promise<{ webhook: Webhook; secret: string }> {
  policy.require(actor, 'webhook.manage', COMPANY);
  const secret = input.secret ?? 'whsec_' + randomBytes(24).toString('base64url');
  return store.transaction(async (tx) => {
    const webhook = await tx.webhooks.create({ ...input, events: [...new Set(input.events)], secret });
    await tx.audit.record([{ ...auditActor(actor), action: 'create', entity: 'webhook', entityId: String(webhook.id), before: null, after: audited(webhook) }]);
    return { webhook, secret };
  });
}

/** Changes a webhook; a new secret is stored when one is given (the old one stays otherwise). */
export async function updateWebhook(store: Store, actor: Actor, id: number, input: WebhookInput, now: Date): Promise<Webhook> {
  policy.require(actor, 'webhook.manage', COMPANY);
  return store.transaction(async (tx) => {
    const before = await tx.webhooks.findById(id);
    if (!before) throw notFound(WEBHOOK, id);
    const after = (await tx.webhooks.update(id, { ...input, events: [...new Set(input.events)] }, now))!;
    await tx.audit.record([
      { ...auditActor(actor), action: 'update', entity: 'webhook', entityId: String(id), before: audited(before), after: { ...audited(after), secretChanged: input.secret !== undefined } },
    ]);
    return after;
  });
}

/** Removes a webhook and its delivery log. */
export async function deleteWebhook(store: Store, actor: Actor, id: number): Promise<void> {
  policy.require(actor, 'webhook.manage', COMPANY);
  await store.transaction(async (tx) => {
    const before = await tx.webhooks.findById(id);
    if (!before) throw notFound(WEBHOOK, id);
    await tx.webhooks.delete(id);
    await tx.audit.record([{ ...auditActor(actor), action: 'archive', entity: 'webhook', entityId: String(id), before: audited(before), after: null }]);
  });
}

export async function listDeliveries(store: Store, actor: Actor, id: number): Promise<WebhookDelivery[]> {
  policy.require(actor, 'webhook.manage', COMPANY);
  if (!(await store.webhooks.findById(id))) throw notFound(WEBHOOK, id);
  return store.webhooks.deliveries(id, 100);
}

/**
 * Sends a `ping` event to the webhook now and returns its log entry (response code or error). A failed test
 * is not retried: the admin sees the result at once.
 */
export async function testWebhook(store: Store, actor: Actor, id: number, now: Date, timeoutMs?: number): Promise<WebhookDelivery> {
  policy.require(actor, 'webhook.manage', COMPANY);
  const webhook = await store.webhooks.findById(id);
  if (!webhook) throw notFound(WEBHOOK, id);
  const data = { message: 'OpenKPI webhook test', webhook: webhook.name };
  // not due for the job meanwhile: this request delivers it
  const deliveryId = await store.webhooks.enqueue({ webhookId: id, event: 'ping', payload: data }, now, new Date(now.getTime() + 3600_000));
  const secret = await store.webhooks.secretOf(id);
  const attempt = await postWebhook({ url: webhook.url, secret: secret!, deliveryId, event: 'ping' }, webhookBody('ping', now.toISOString(), data), timeoutMs);
  if (attempt.error === null) await store.webhooks.markDelivered(deliveryId, attempt.status!, now);
  else await store.webhooks.markFailed(deliveryId, attempt.status, attempt.error, null);
  return (await store.webhooks.deliveries(id, 100)).find((d) => d.id === deliveryId)!;
}
