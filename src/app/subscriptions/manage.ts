import { DomainError } from '../../core/errors';
import type { Actor } from '../actor';
import { requireReadScope } from '../evaluation/scope';
import { notFound, policy } from '../policy';
import { parseScope, scopeKey } from '../scope';
import type { Store } from '../ports';
import type { NewSubscription, Subscription } from './ports';

/** One's own report subscriptions (action notification.own). */
export async function listMySubscriptions(store: Store, actor: Actor): Promise<Subscription[]> {
  policy.requireAtAll(actor, 'notification.own');
  return store.subscriptions.listOfUser(actor.user.id);
}

/** Subscribes the acting user; the report's scope must be one whose numbers they may read (403 otherwise). */
export async function subscribe(store: Store, actor: Actor, input: Omit<NewSubscription, 'userId'>): Promise<Subscription> {
  policy.requireAtAll(actor, 'notification.own');
  const scope = parseScope(input.scope);
  await requireReadScope(store, actor, scope);
  const created = await store.subscriptions.create({ ...input, scope: scopeKey(scope), userId: actor.user.id });
  if (!created) {
    throw new DomainError('SUBSCRIPTION_EXISTS', {
      vi: 'Bạn đã đăng ký báo cáo này với cùng tần suất và phạm vi.',
      en: 'You already subscribe to this report with the same cadence and scope.',
    });
  }
  return created;
}

/** Removes one of one's own subscriptions; another person's id is simply not found. */
export async function unsubscribe(store: Store, actor: Actor, id: number): Promise<void> {
  policy.requireAtAll(actor, 'notification.own');
  if (!(await store.subscriptions.deleteOwn(actor.user.id, id))) throw notFound({ vi: 'đăng ký báo cáo', en: 'Report subscription' }, id);
}
