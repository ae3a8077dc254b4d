import type { Actor } from '../actor';
import type { Store } from '../ports';
import { campaignFor } from './campaign-access';
import type { Campaign, ChannelTotals, ResultTotals, ResultWrite } from './ports';

export interface CampaignDetail {
  campaign: Campaign;
  /** Targets vs actuals per channel: the sums over every month, KPIs as ratio of sums. */
  channels: ChannelTotals[];
  total: ResultTotals;
  results: (ResultWrite & Pick<ResultTotals, 'responseRate' | 'roas'>)[];
}

export async function campaignDetail(store: Store, actor: Actor, id: number): Promise<CampaignDetail> {
  const campaign = await campaignFor(store, actor, id, 'marketing.read');
  const { channels, total } = await store.marketing.campaignTotals(id);
  return { campaign, channels, total, results: await store.marketing.campaignResults(id) };
}
