import type { Target } from '../../core/auth/permissions';
import type { Action } from '../../core/auth/permissions';
import type { Actor } from '../actor';
import { notFound, policy } from '../policy';
import type { Store } from '../ports';
import type { Campaign } from './ports';

export const CAMPAIGN = { vi: 'chiến dịch', en: 'Campaign' };

/** A campaign as a permission target: agencies reach it through the logins it is assigned to. */
export function campaignTarget(c: Pick<Campaign, 'id' | 'agencyUserIds'>): Target {
  return { scope: 'campaign', campaignId: c.id, assignedUserIds: c.agencyUserIds };
}

/** The campaign, when it exists (404) and the actor may do `action` on it (403). */
export async function campaignFor(store: Store, actor: Actor, id: number, action: Action): Promise<Campaign> {
  policy.requireAtAll(actor, action);
  const c = await store.marketing.getCampaign(id);
  if (!c) throw notFound(CAMPAIGN, id);
  policy.require(actor, action, campaignTarget(c));
  return c;
}
