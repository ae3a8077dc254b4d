import { awarenessLift, type LiftResult } from '../../core/dataset/lift';
import { DomainError, issue } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import type { Store } from '../ports';
import { campaignFor } from './campaign-access';
import type { Survey } from './ports';

export interface CampaignAwareness {
  before: Survey | null;
  after: Survey | null;
  /** The lift between the two surveys (core/dataset/lift.ts, as `openkpi lift`); null until both exist. */
  lift: LiftResult | null;
}

/** Records the before or after survey of a campaign (aware count out of people asked); a second one replaces it. */
export async function setSurvey(store: Store, actor: Actor, campaignId: number, survey: Survey): Promise<CampaignAwareness> {
  await campaignFor(store, actor, campaignId, 'campaign.report');
  if (survey.aware > survey.asked) {
    throw new DomainError(
      'SURVEY_INVALID',
      { vi: 'Số người biết đến lớn hơn số người được hỏi.', en: 'More people aware than people asked.' },
      { issues: [issue('aware', 'INVALID_AWARE', `Số người biết đến phải từ 0 đến ${survey.asked}`, `The number aware must be from 0 to ${survey.asked}`)] },
    );
  }
  await store.transaction(async (tx) => {
    await tx.marketing.setSurvey(campaignId, survey, actor.user.id === 0 ? null : actor.user.id);
    await tx.audit.record([{ ...auditActor(actor), action: 'update', entity: 'awareness_survey', entityId: `${campaignId}:${survey.phase}`, before: null, after: survey }]);
  });
  return awarenessOf(store, campaignId);
}

export async function campaignAwareness(store: Store, actor: Actor, campaignId: number, confidence?: number): Promise<CampaignAwareness> {
  await campaignFor(store, actor, campaignId, 'marketing.read');
  return awarenessOf(store, campaignId, confidence);
}

async function awarenessOf(store: Store, campaignId: number, confidence?: number): Promise<CampaignAwareness> {
  const surveys = await store.marketing.surveys(campaignId);
  const before = surveys.find((s) => s.phase === 'before') ?? null;
  const after = surveys.find((s) => s.phase === 'after') ?? null;
  return { before, after, lift: before && after ? awarenessLift(before, after, confidence) : null };
}
