import { sampleSizePerGroup, type SampleSizeRequest } from '../../core/dataset/sample-size';
import type { Actor } from '../actor';
import type { Store } from '../ports';
import { campaignFor } from './campaign-access';

/**
 * The sample-size helper for a campaign's next awareness survey: anyone who may read the campaign (an agency login
 * on the campaigns assigned to it included), without `dataset.read`. Same answer as `POST /api/lift/sample-size`.
 */
export async function campaignSampleSize(store: Store, actor: Actor, campaignId: number, request: SampleSizeRequest): Promise<{ perSurvey: number }> {
  await campaignFor(store, actor, campaignId, 'marketing.read');
  return { perSurvey: sampleSizePerGroup(request) };
}
